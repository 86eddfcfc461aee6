import { sql } from 'drizzle-orm';
import type { Account } from '../../../domain/model/account.js';
import type { Balance } from '../../../domain/model/balance.js';
import type { Contract } from '../../../domain/model/contract.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import type { Tariff } from '../../../domain/model/tariff.js';
import type { Db } from '../../../store/open-store.js';
import { IS74_VIEW_KIND } from './contract-view-record.js';
import { fastRows } from './fast-rows.js';

/** Everything the views of some лицевые счета are made of, and the views they have now. */
export interface ViewSources {
  contracts: Array<{ key: string; data: Contract }>;
  accounts: Map<string, Account>;
  premises: Map<string, Premise>;
  houses: Map<string, House>;
  tariffs: Map<string, Tariff>;
  balances: Map<string, Balance[]>;
  /** The keys of the views the accounts have now (live ones). */
  views: string[];
}

/**
 * Loads the contracts of these accounts with everything their views need — account, premise, house,
 * balances, tariffs — and the accounts' present views, in one statement. Every step is a lookup by
 * key or through an account-number index, one outer value at a time: `OFFSET 0` keeps each LATERAL
 * subquery from being flattened into a join, which a planner without statistics (PGlite's, until
 * analyzed) turns into a scan of a whole kind.
 */
export async function loadViewSources(
  db: Db,
  orgId: string,
  accountNumbers: readonly string[],
): Promise<ViewSources> {
  const byKey = (kind: string, list: string) => sql`
    SELECT r.key, r.data FROM ${sql.raw(list)} CROSS JOIN LATERAL (
      SELECT key, data FROM records
      WHERE org_id = ${orgId} AND kind = ${kind} AND key = ${sql.raw(list)}.v AND deleted_at IS NULL OFFSET 0) r`;
  const byAccount = (kind: string) => sql`
    SELECT r.key, r.data FROM ns CROSS JOIN LATERAL (
      SELECT key, data FROM records
      WHERE data->>'accountNumber' = ns.v AND org_id = ${orgId} AND kind = ${kind} AND deleted_at IS NULL OFFSET 0) r`;
  const rows = await fastRows<{ k: string; key: string; data: unknown }>(
    db,
    sql`
    WITH ns AS (SELECT DISTINCT v FROM jsonb_array_elements_text(${JSON.stringify(accountNumbers)}::jsonb) AS x(v)),
    c AS (${byAccount('contract')}),
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
    UNION ALL SELECT 'b', key, data FROM (${byAccount('balance')}) b
    UNION ALL SELECT 'v', key, NULL FROM (${byAccount(IS74_VIEW_KIND)}) v`,
  );
  const out: ViewSources = {
    contracts: [],
    accounts: new Map(),
    premises: new Map(),
    houses: new Map(),
    tariffs: new Map(),
    balances: new Map(),
    views: [],
  };
  for (const row of rows) {
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    if (row.k === 'c') out.contracts.push({ key: row.key, data });
    else if (row.k === 'a') out.accounts.set(row.key, data);
    else if (row.k === 'p') out.premises.set(row.key, data);
    else if (row.k === 'h') out.houses.set(row.key, data);
    else if (row.k === 't') out.tariffs.set(row.key, data);
    else if (row.k === 'v') out.views.push(row.key);
    else {
      const b = data as Balance;
      const list = out.balances.get(b.accountNumber) ?? [];
      list.push(b);
      out.balances.set(b.accountNumber, list);
    }
  }
  return out;
}
