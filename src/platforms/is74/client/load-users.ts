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
