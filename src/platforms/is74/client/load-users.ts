import { sql } from 'drizzle-orm';
import type { Db } from '../../../store/open-store.js';
import { fastRows } from './fast-rows.js';
import { IS74_USER_KIND, type Is74StoredUser } from './is74-user.js';

const parse = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Is74StoredUser;

export async function userById(db: Db, orgId: string, id: string): Promise<Is74StoredUser | undefined> {
  const rows = await fastRows<{ data: unknown }>(
    db,
    sql`SELECT data FROM records
    WHERE org_id = ${orgId} AND kind = ${IS74_USER_KIND} AND key = ${id} AND deleted_at IS NULL`,
  );
  return rows[0] && parse(rows[0].data);
}

/** By login, through the login index (logins are unique per organisation: see writeUsers). */
export async function userByLogin(db: Db, orgId: string, login: string): Promise<Is74StoredUser | undefined> {
  const rows = await fastRows<{ data: unknown }>(
    db,
    sql`SELECT data FROM records
    WHERE org_id = ${orgId} AND kind = ${IS74_USER_KIND} AND data->>'login' = ${login} AND deleted_at IS NULL
    LIMIT 1`,
  );
  return rows[0] && parse(rows[0].data);
}

/** The users who see any of these accounts (GIN index on `accountNumbers`): whom a callback is for. */
export async function usersOfAccounts(
  db: Db,
  orgId: string,
  accounts: readonly string[],
): Promise<Array<{ id: string; accountNumbers: string[] }>> {
  if (accounts.length === 0) return [];
  const rows = await fastRows<{ key: string; accounts: unknown }>(
    db,
    sql`SELECT key, data->'accountNumbers' AS accounts FROM records
    WHERE kind = ${IS74_USER_KIND} AND org_id = ${orgId} AND deleted_at IS NULL
      AND data->'accountNumbers' ?| (SELECT array_agg(x) FROM jsonb_array_elements_text(${JSON.stringify(accounts)}::jsonb) AS x)
    ORDER BY key`,
  );
  return rows.map((r) => ({
    id: r.key,
    accountNumbers: (typeof r.accounts === 'string' ? JSON.parse(r.accounts) : r.accounts) as string[],
  }));
}
