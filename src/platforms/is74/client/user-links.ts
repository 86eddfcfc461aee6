import { sql } from 'drizzle-orm';
import type { Db } from '../../../store/open-store.js';
import { deleteRecords, type PreparedRecord, upsertRecords } from '../../../store/record-store.js';
import { prepareRecord } from '../../../store/record-validation.js';
import { fastRows } from './fast-rows.js';

/**
 * (account → user) links, one record per pair under the kind `is74_user_account`, found through the
 * account-number index: whom a callback about an account is for. A GIN index on the users'
 * `accountNumbers` would serve the same question, but a planner without statistics (PGlite's) never
 * took it and scanned every user for every batch instead.
 */
export const IS74_LINK_KIND = 'is74_user_account';

const linkKey = (userId: string, account: string) => JSON.stringify([userId, account]);

/**
 * Makes the links of each user exactly its accounts (`before`: the accounts it had); answers whether
 * a link was made or removed.
 */
export async function syncUserLinks(
  db: Db,
  orgId: string,
  users: ReadonlyArray<{ id: string; accountNumbers: readonly string[]; before: readonly string[] }>,
): Promise<boolean> {
  const wanted: PreparedRecord[] = [];
  const gone: string[] = [];
  for (const u of users) {
    for (const account of u.accountNumbers) {
      wanted.push(prepareRecord(linkKey(u.id, account), { userId: u.id, accountNumber: account }));
    }
    for (const account of u.before)
      if (!u.accountNumbers.includes(account)) gone.push(linkKey(u.id, account));
  }
  const unique = [...new Map(wanted.map((w) => [w.key, w])).values()];
  const made = unique.length > 0 ? await upsertRecords(db, orgId, IS74_LINK_KIND, unique) : new Map();
  const removed = gone.length > 0 ? await deleteRecords(db, orgId, IS74_LINK_KIND, gone) : [];
  return removed.length > 0 || [...made.values()].some((o) => o !== 'unchanged');
}

/** The users who see any of these accounts, with those of the accounts each sees. */
export async function usersOfAccounts(
  db: Db,
  orgId: string,
  accounts: readonly string[],
): Promise<Array<{ id: string; accountNumbers: string[] }>> {
  if (accounts.length === 0) return [];
  const rows = await fastRows<{ user: string; account: string }>(
    db,
    sql`
    SELECT r.data->>'userId' AS user, ns.v AS account
    FROM jsonb_array_elements_text(${JSON.stringify([...new Set(accounts)])}::jsonb) AS ns(v)
    CROSS JOIN LATERAL (
      SELECT data FROM records
      WHERE data->>'accountNumber' = ns.v AND org_id = ${orgId} AND kind = ${IS74_LINK_KIND} AND deleted_at IS NULL
      OFFSET 0) r`,
  );
  const byUser = new Map<string, string[]>();
  for (const r of rows) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r.account]);
  return [...byUser.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, accountNumbers]) => ({ id, accountNumbers }));
}
