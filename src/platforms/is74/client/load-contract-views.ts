import { type SQL, sql } from 'drizzle-orm';
import type { Account } from '../../../domain/model/account.js';
import type { Balance } from '../../../domain/model/balance.js';
import type { Contract } from '../../../domain/model/contract.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import type { Tariff } from '../../../domain/model/tariff.js';
import type { Db } from '../../../store/open-store.js';
import { queryRows } from '../../../store/query-rows.js';
import type { Is74ContractView } from '../contract/contract-response.js';
import { contractView } from './contract-view.js';
import { IS74_USER_KIND } from './is74-user.js';

/** Which contracts to load: a user's, one by id, or a list of keys (the callback stream's page). */
export type ContractSelection = { userId: string } | { id: string } | { keys: readonly string[] };

/**
 * Loads contracts with everything their is74 view needs — account, premise, house, balances,
 * tariffs — in one statement: a served call is one round trip to the store, by key and by the
 * account-number index, never a scan.
 */
export async function loadContractViews(
  db: Db,
  orgId: string,
  selection: ContractSelection,
): Promise<Array<{ key: string; view: Is74ContractView }>> {
  const rows = await queryRows<{ k: string; key: string; data: unknown }>(
    db,
    sql`
    WITH c AS (
      SELECT key, data FROM records
      WHERE org_id = ${orgId} AND kind = 'contract' AND deleted_at IS NULL AND ${filterOf(orgId, selection)}
    ),
    a AS (
      SELECT key, data FROM records
      WHERE org_id = ${orgId} AND kind = 'account' AND deleted_at IS NULL
        AND key IN (SELECT data->>'accountNumber' FROM c)
    ),
    p AS (
      SELECT key, data FROM records
      WHERE org_id = ${orgId} AND kind = 'premise' AND deleted_at IS NULL
        AND key IN (SELECT data->>'premiseId' FROM a)
    )
    SELECT 'c' AS k, key, data FROM c
    UNION ALL SELECT 'a', key, data FROM a
    UNION ALL SELECT 'p', key, data FROM p
    UNION ALL SELECT 'h', key, data FROM records
      WHERE org_id = ${orgId} AND kind = 'house' AND deleted_at IS NULL
        AND key IN (SELECT data->>'houseId' FROM p)
    UNION ALL SELECT 'b', key, data FROM records
      WHERE org_id = ${orgId} AND kind = 'balance' AND deleted_at IS NULL
        AND data->>'accountNumber' IN (SELECT data->>'accountNumber' FROM c)
    UNION ALL SELECT 't', key, data FROM records
      WHERE org_id = ${orgId} AND kind = 'tariff' AND deleted_at IS NULL
        AND key IN (SELECT jsonb_array_elements_text(data->'tariffIds') FROM c)`,
  );
  const contracts: Array<{ key: string; data: Contract }> = [];
  const accounts = new Map<string, Account>();
  const premises = new Map<string, Premise>();
  const houses = new Map<string, House>();
  const tariffs = new Map<string, Tariff>();
  const balances = new Map<string, Balance[]>();
  for (const row of rows) {
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    if (row.k === 'c') contracts.push({ key: row.key, data });
    else if (row.k === 'a') accounts.set(row.key, data);
    else if (row.k === 'p') premises.set(row.key, data);
    else if (row.k === 'h') houses.set(row.key, data);
    else if (row.k === 't') tariffs.set(row.key, data);
    else {
      const b = data as Balance;
      const list = balances.get(b.accountNumber) ?? [];
      list.push(b);
      balances.set(b.accountNumber, list);
    }
  }
  contracts.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return contracts.map(({ key, data }) => {
    const account = accounts.get(data.accountNumber);
    const premise = account && premises.get(account.premiseId);
    const house = premise && houses.get(premise.houseId);
    return {
      key,
      view: contractView(data, {
        account,
        premise,
        house,
        balances: balances.get(data.accountNumber) ?? [],
        tariffs,
      }),
    };
  });
}

function filterOf(orgId: string, selection: ContractSelection): SQL {
  if ('id' in selection) return sql`key = ${selection.id}`;
  if ('keys' in selection)
    return sql`key IN (SELECT jsonb_array_elements_text(${JSON.stringify(selection.keys)}::jsonb))`;
  return sql`data->>'accountNumber' IN (
    SELECT jsonb_array_elements_text(data->'accountNumbers') FROM records
    WHERE org_id = ${orgId} AND kind = ${IS74_USER_KIND} AND key = ${selection.userId} AND deleted_at IS NULL)`;
}
