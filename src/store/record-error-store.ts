import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';
import { storedTime } from './stored-time.js';

export interface RecordErrorInput {
  key: string;
  code: string;
  message: string;
  /** Already masked: no personal data beyond the key (see engine/payload-excerpt). */
  excerpt?: string | undefined;
}

export interface RecordErrorRow extends RecordErrorInput {
  id: number;
  connectionId: string;
  kind: string;
  runId: number | null;
  attempts: number;
  state: 'open' | 'resolved';
  firstSeen: string;
  lastSeen: string;
  resolvedAt: string | null;
}

/** Opens (or renews) the current error of each record; `attempts` counts how often it failed. */
export async function openRecordErrors(
  db: Db,
  orgId: string,
  connectionId: string,
  kind: string,
  runId: number | null,
  errors: readonly RecordErrorInput[],
): Promise<void> {
  if (errors.length === 0) return;
  const payload = JSON.stringify(
    errors.map((e) => ({ k: e.key, c: e.code, m: e.message, x: e.excerpt ?? null })),
  );
  await db.execute(sql`
    INSERT INTO record_errors (org_id, connection_id, kind, key, run_id, code, message, excerpt, state)
    SELECT ${orgId}, ${connectionId}, ${kind}, t.k, ${runId}, t.c, t.m, t.x, 'open'
    FROM jsonb_to_recordset(${payload}::jsonb) AS t(k text, c text, m text, x text)
    ON CONFLICT (connection_id, kind, key) DO UPDATE SET
      run_id = excluded.run_id, code = excluded.code, message = excluded.message, excerpt = excluded.excerpt,
      attempts = CASE WHEN record_errors.state = 'open' THEN record_errors.attempts + 1 ELSE 1 END,
      state = 'open', last_seen = now(), resolved_at = NULL`);
}

/** Closes the open errors of records that have now landed. */
export async function resolveRecordErrors(
  db: Db,
  connectionId: string,
  kind: string,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await db.execute(sql`
    UPDATE record_errors SET state = 'resolved', resolved_at = now()
    WHERE connection_id = ${connectionId} AND kind = ${kind} AND state = 'open'
      AND key = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))`);
}

export async function listRecordErrors(
  db: Db,
  orgId: string,
  q: {
    connectionId?: string | undefined;
    kind?: string | undefined;
    state?: 'open' | 'resolved' | undefined;
    after?: number | undefined;
    limit: number;
  },
): Promise<RecordErrorRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT * FROM record_errors WHERE org_id = ${orgId}
      ${q.connectionId ? sql`AND connection_id = ${q.connectionId}` : sql``}
      ${q.kind ? sql`AND kind = ${q.kind}` : sql``}
      ${q.state ? sql`AND state = ${q.state}` : sql``}
      ${q.after !== undefined ? sql`AND id > ${q.after}` : sql``}
      ORDER BY id LIMIT ${q.limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    connectionId: String(r.connection_id),
    kind: String(r.kind),
    key: String(r.key),
    runId: r.run_id === null ? null : Number(r.run_id),
    code: String(r.code),
    message: String(r.message),
    excerpt: (r.excerpt as string | null) ?? undefined,
    attempts: Number(r.attempts),
    state: r.state as 'open' | 'resolved',
    firstSeen: storedTime(r.first_seen as string),
    lastSeen: storedTime(r.last_seen as string),
    resolvedAt: storedTime(r.resolved_at as string | null),
  }));
}

/**
 * `errors retry`: every record with an open error on the connection (optionally one kind) —
 * refused by the platform, refused by the mapping, or dead-lettered — loses its delivery state, so
 * the next run sends it again. Answers how many were re-queued of each error code. The errors stay
 * open until their record lands.
 */
export async function requeueRecordErrors(
  db: Db,
  connectionId: string,
  kind?: string | undefined,
): Promise<Record<string, number>> {
  const byKind = kind === undefined ? sql`` : sql`AND kind = ${kind}`;
  const rows = await queryRows<{ code: string; n: string | number }>(
    db,
    sql`SELECT code, count(*) AS n FROM record_errors
        WHERE connection_id = ${connectionId} AND state = 'open' ${byKind}
        GROUP BY code ORDER BY code`,
  );
  await db.execute(sql`
    DELETE FROM deliveries d USING record_errors e
    WHERE d.connection_id = ${connectionId} AND e.connection_id = ${connectionId} AND e.state = 'open'
      AND d.kind = e.kind AND d.key = e.key ${kind === undefined ? sql`` : sql`AND e.kind = ${kind}`}`);
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
}

/** Open record errors per connection and code (for metrics; served by record_errors_open_idx). */
export async function countOpenRecordErrors(
  db: Db,
): Promise<Array<{ connectionId: string; code: string; open: number }>> {
  const rows = await queryRows<{ connection_id: string; code: string; n: string | number }>(
    db,
    sql`SELECT connection_id, code, count(*) AS n FROM record_errors
        WHERE state = 'open' GROUP BY connection_id, code`,
  );
  return rows.map((r) => ({ connectionId: r.connection_id, code: r.code, open: Number(r.n) }));
}

/** The codes of the open errors of these records on one connection's ledger, by key. */
export async function openErrorCodes(
  db: Db,
  connectionId: string,
  ledger: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ key: string; code: string }>(
    db,
    sql`SELECT key, code FROM record_errors
        WHERE connection_id = ${connectionId} AND kind = ${ledger} AND state = 'open'
          AND key = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))`,
  );
  return new Map(rows.map((r) => [r.key, r.code]));
}

/**
 * The open errors of a connection's kind with one of `codes` (served by record_errors_open_idx):
 * the refusals a dependency's arrival may heal.
 */
export async function openErrorsWithCodes(
  db: Db,
  connectionId: string,
  kind: string,
  codes: readonly string[],
): Promise<Array<{ key: string; code: string }>> {
  if (codes.length === 0) return [];
  return queryRows<{ key: string; code: string }>(
    db,
    sql`SELECT key, code FROM record_errors
        WHERE connection_id = ${connectionId} AND state = 'open' AND kind = ${kind}
          AND code IN (SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
  );
}
