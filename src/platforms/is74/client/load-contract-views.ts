import { type SQL, sql } from 'drizzle-orm';
import type { Account } from '../../../domain/model/account.js';
import type { Balance } from '../../../domain/model/balance.js';
import type { Contract } from '../../../domain/model/contract.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import type { Tariff } from '../../../domain/model/tariff.js';
import type { Db } from '../../../store/open-store.js';
import type { Is74ContractView } from '../contract/contract-response.js';
import { contractView } from './contract-view.js';
import { fastRows } from './fast-rows.js';
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
  // Every step is a lookup by key or by the account-number index, one outer value at a time:
  // `OFFSET 0` keeps each LATERAL subquery from being flattened into a join, which a planner
  // without statistics (PGlite's, until analyzed) turns into a scan of a whole kind.
  const byKey = (kind: string, list: string) => sql`
    SELECT r.key, r.data FROM ${sql.raw(list)} CROSS JOIN LATERAL (
      SELECT key, data FROM records
      WHERE org_id = ${orgId} AND kind = ${kind} AND key = ${sql.raw(list)}.v AND deleted_at IS NULL OFFSET 0) r`;
  const rows = await fastRows<{ k: string; key: string; data: unknown }>(
    db,
    sql`
    WITH c AS (${contractsOf(orgId, selection)}),
    ns AS (SELECT DISTINCT data->>'accountNumber' AS v FROM c),
    a AS (${byKey('account', 'ns')}),
    ps AS (SELECT DISTINCT data->>'premiseId' AS v FROM a),
    p AS (${byKey('premise', 'ps')}),
    hs AS (SELECT DISTINCT data->>'houseId' AS v FROM p),
    ts AS (SELECT DISTINCT jsonb_array_elements_text(data->'tariffIds') AS v FROM c)
    SELECT 'c' AS k, key, data FROM c
    UNION ALL SELECT 'a', key, data FROM a
    UNION ALL SELECT 'p', key, data FROM p
    UNION ALL SELECT 'h', key, data FROM (${byKey('house', 'hs')}) h
    UNION ALL SELECT 't', key, data FROM (${byKey('tariff', 'ts')}) t
    UNION ALL SELECT 'b', r.key, r.data FROM ns CROSS JOIN LATERAL (
      SELECT key, data FROM records
      WHERE data->>'accountNumber' = ns.v AND org_id = ${orgId} AND kind = 'balance' AND deleted_at IS NULL OFFSET 0) r`,
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

/** The selected contracts, each found by key or through the account-number index. */
function contractsOf(orgId: string, selection: ContractSelection): SQL {
  const live = sql`org_id = ${orgId} AND kind = 'contract' AND deleted_at IS NULL`;
  if ('id' in selection) return sql`SELECT key, data FROM records WHERE ${live} AND key = ${selection.id}`;
  if ('keys' in selection) {
    return sql`
      SELECT r.key, r.data FROM jsonb_array_elements_text(${JSON.stringify(selection.keys)}::jsonb) AS ks(v)
      CROSS JOIN LATERAL (SELECT key, data FROM records WHERE ${live} AND key = ks.v OFFSET 0) r`;
  }
  return sql`
    SELECT r.key, r.data FROM (
      SELECT DISTINCT jsonb_array_elements_text(data->'accountNumbers') AS v FROM records
      WHERE org_id = ${orgId} AND kind = ${IS74_USER_KIND} AND key = ${selection.userId} AND deleted_at IS NULL
    ) us CROSS JOIN LATERAL (
      SELECT key, data FROM records WHERE data->>'accountNumber' = us.v AND ${live} OFFSET 0) r`;
}
