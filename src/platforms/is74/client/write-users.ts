import { sql } from 'drizzle-orm';
import type { EntityKind } from '../../../domain/entity-kinds.js';
import { issuesToErrors } from '../../../domain/issues-to-errors.js';
import { type IngestSummary, ingestRecords } from '../../../store/ingest-records.js';
import type { Db } from '../../../store/open-store.js';
import { queryRows } from '../../../store/query-rows.js';
import { deleteRecords } from '../../../store/record-store.js';
import { UnreadableRecord } from '../../../store/record-validation.js';
import type { SecretBox } from '../../../store/secret-box.js';
import { IS74_USER_KIND, Is74StoredUser, Is74UserInput } from './is74-user.js';
import { syncUserLinks } from './user-links.js';

const storedKind: EntityKind = {
  name: IS74_USER_KIND,
  plural: 'is74-users',
  schema: Is74StoredUser,
  keyOf: (r) => (r as Is74StoredUser).id,
  keyFields: ['id'],
  description: 'is74 users',
};

/**
 * Upserts is74 users through the one record write path. Passwords are sealed before they reach the
 * table; a user whose stored password opens to the one sent keeps its envelope, so an unchanged
 * re-send hashes the same and writes nothing (a fresh envelope would differ every time). A login
 * that belongs to another user is refused: `/api/auth` must find exactly one user. `changed` says
 * whether a user or a user's link to an account was written (the core must then be told).
 */
export async function writeUsers(
  db: Db,
  box: SecretBox,
  orgId: string,
  inputs: readonly unknown[],
): Promise<{ summary: IngestSummary; changed: boolean }> {
  const parsed = inputs.map((input) => Is74UserInput.safeParse(input));
  const good = parsed.flatMap((p) => (p.success ? [p.data] : []));
  const stored = await storedUsers(
    db,
    orgId,
    good.map((u) => u.id),
    good.map((u) => u.login),
  );
  const loginOwner = new Map(stored.map((s) => [s.login, s.id]));
  const accountsBefore = new Map(stored.map((s) => [s.id, s.accounts]));
  const envelopeOf = new Map(stored.map((s) => [s.id, s.password]));
  const sealed = parsed.map((p, index) => {
    if (!p.success) return new UnreadableRecord(issuesToErrors(p.error.issues)[0]!);
    const user = p.data;
    const owner = loginOwner.get(user.login);
    if (owner === undefined) loginOwner.set(user.login, user.id);
    else if (owner !== user.id) {
      return new UnreadableRecord({
        code: 'login_taken',
        path: 'login',
        message: `login of user at index ${index} belongs to user "${owner}"`,
      });
    }
    const old = envelopeOf.get(user.id);
    const password = old !== undefined && sameSecret(box, old, user.password) ? old : box.seal(user.password);
    return { ...user, password };
  });
  const summary = await ingestRecords(db, orgId, storedKind, sealed);
  // Every error of a refused record, and its id when readable, rather than the first one alone.
  const accepted: Array<{ id: string; accountNumbers: string[]; before: string[] }> = [];
  parsed.forEach((p, i) => {
    const r = summary.results[i]!;
    if (!p.success) r.errors = issuesToErrors(p.error.issues);
    else {
      r.key = p.data.id;
      if (r.status !== 'rejected') {
        accepted.push({ ...p.data, before: accountsBefore.get(p.data.id) ?? [] });
      }
    }
  });
  // Reconciled for every accepted user, changed or not: a re-send repairs links an interrupted write left.
  const linked = await syncUserLinks(db, orgId, accepted);
  return { summary, changed: linked || summary.created + summary.updated > 0 };
}

/** Deletes users and their account links (the link stream then tells the core). */
export async function deleteUsers(db: Db, orgId: string, ids: readonly string[]): Promise<string[]> {
  const stored = await storedUsers(db, orgId, ids, []);
  const deleted = await deleteRecords(db, orgId, IS74_USER_KIND, ids);
  await syncUserLinks(
    db,
    orgId,
    stored.map((s) => ({ id: s.id, accountNumbers: [], before: s.accounts })),
  );
  return deleted;
}

function sameSecret(box: SecretBox, envelope: string, given: string): boolean {
  try {
    return box.open(envelope) === given;
  } catch {
    return false;
  }
}

async function storedUsers(
  db: Db,
  orgId: string,
  ids: readonly string[],
  logins: readonly string[],
): Promise<Array<{ id: string; login: string; password: string; accounts: string[] }>> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string; login: string; password: string; accounts: unknown }>(
    db,
    sql`
    SELECT key AS id, data->>'login' AS login, data->>'password' AS password,
      data->'accountNumbers' AS accounts FROM records
    WHERE org_id = ${orgId} AND kind = ${IS74_USER_KIND} AND deleted_at IS NULL
      AND (key IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
        OR data->>'login' IN (SELECT jsonb_array_elements_text(${JSON.stringify(logins)}::jsonb)))`,
  );
  return rows.map((r) => ({
    ...r,
    accounts: (typeof r.accounts === 'string' ? JSON.parse(r.accounts) : r.accounts) as string[],
  }));
}
