import { sql } from 'drizzle-orm';
import type { Db } from '../../../store/open-store.js';
import { IS74_VIEW_KIND } from './contract-view-record.js';
import { IS74_USER_KIND } from './is74-user.js';
import { preparedRows } from './prepared-rows.js';

// Kinds are spelled out in the statements: a prepared statement's plan proves the view index's
// `kind = 'is74_contract_view'` only from a constant.
const USER = sql.raw(`'${IS74_USER_KIND}'`);
const VIEW = sql.raw(`'${IS74_VIEW_KIND}'`);

/**
 * The served contracts of several users at once (seed 003 §"3. Получение контрактов"): each user's
 * record by key, its лицевые счета, their finished views through the view index — one statement
 * for a whole wave of first reads, no view assembled here. A user with no contract (or unknown) is
 * left out. Views in contract-id order.
 */
export async function contractsOfUsers(
  db: Db,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await preparedRows<{ u: string; c: string; body: string }>(
    db,
    'is74_contracts_of_users',
    sql`
    SELECT ids.v AS u, v.c, v.body
    FROM jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb) AS ids(v)
    CROSS JOIN LATERAL (
      SELECT data FROM records
      WHERE org_id = ${orgId} AND kind = ${USER} AND key = ids.v AND deleted_at IS NULL OFFSET 0) u
    CROSS JOIN LATERAL (SELECT DISTINCT jsonb_array_elements_text(u.data->'accountNumbers') AS a) acc
    CROSS JOIN LATERAL (
      SELECT data->>'contractId' AS c, data->>'body' AS body FROM records
      WHERE data->>'accountNumber' = acc.a AND org_id = ${orgId} AND kind = ${VIEW} AND deleted_at IS NULL
      OFFSET 0) v`,
  );
  const byUser = new Map<string, Array<{ c: string; body: string }>>();
  for (const r of rows) {
    const list = byUser.get(r.u) ?? [];
    list.push(r);
    byUser.set(r.u, list);
  }
  return new Map(
    [...byUser].map(([u, list]) => [
      u,
      list.sort((x, y) => (x.c < y.c ? -1 : x.c > y.c ? 1 : 0)).map((x) => x.body),
    ]),
  );
}

/** One contract's served view (seed 003 §"4. Получение определённого контракта"), by its account's views. */
export async function contractById(db: Db, orgId: string, id: string): Promise<string | undefined> {
  const rows = await preparedRows<{ body: string }>(
    db,
    'is74_contract_by_id',
    sql`
    SELECT v.body FROM records c CROSS JOIN LATERAL (
      SELECT data->>'contractId' AS id, data->>'body' AS body FROM records
      WHERE data->>'accountNumber' = c.data->>'accountNumber' AND org_id = ${orgId} AND kind = ${VIEW}
        AND deleted_at IS NULL OFFSET 0) v
    WHERE c.org_id = ${orgId} AND c.kind = 'contract' AND c.key = ${id} AND c.deleted_at IS NULL AND v.id = ${id}`,
  );
  return rows[0]?.body;
}
