import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';
import { storedTime } from './stored-time.js';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface PreparedRecord {
  key: string;
  /** The canonical record as JSON text: stored as is and hashed. */
  json: string;
  hash: string;
}

export interface StoredRecord {
  key: string;
  data: unknown;
  hash: string;
  seq: number;
  deletedAt: string | null;
  updatedAt: string;
}

const CHUNK = 2000;

/**
 * Every write of records holds this lock shared until its transaction ends; `seqWatermark` takes it
 * exclusively for an instant. So once a watermark is read, every change with a lower seq has
 * committed — a sequence alone does not say that (a value handed out can commit later).
 */
export const RECORD_WRITE_LOCK = 0x7a687277;

/** The highest change number whose change (and every lower one) has committed or rolled back. */
export async function seqWatermark(db: Db): Promise<number> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECORD_WRITE_LOCK})`);
    const rows = await queryRows<{ v: string | number }>(
      tx,
      sql`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM record_seq`,
    );
    return Number(rows[0]?.v ?? 0);
  });
}

/**
 * Upserts records of one kind in one statement per chunk. A row whose hash is unchanged (and that is
 * not deleted) is not written at all, so a re-send changes nothing — not even `updated_at` or `seq`.
 * Keys must be unique within `rows`. Call inside a transaction when all chunks must land together.
 */
export async function upsertRecords(
  db: Db,
  orgId: string,
  kind: string,
  rows: readonly PreparedRecord[],
): Promise<Map<string, WriteOutcome>> {
  const outcome = new Map<string, WriteOutcome>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // One JSON parameter instead of thousands of placeholders: same SQL on PGlite and PostgreSQL,
    // no 65535-parameter ceiling, and the records' JSON is spliced in without re-serialising.
    const payload = `[${chunk.map((r) => `{"k":${JSON.stringify(r.key)},"h":"${r.hash}","d":${r.json}}`).join(',')}]`;
    const written = await queryRows<{ key: string; inserted: boolean }>(
      db,
      sql`
      WITH writing AS (SELECT pg_advisory_xact_lock_shared(${RECORD_WRITE_LOCK}))
      INSERT INTO records (org_id, kind, key, data, hash)
      SELECT ${orgId}, ${kind}, t.k, t.d, t.h
      FROM writing, jsonb_to_recordset(${payload}::jsonb) AS t(k text, d jsonb, h text)
      ON CONFLICT (org_id, kind, key) DO UPDATE
        SET data = excluded.data, hash = excluded.hash, seq = nextval('record_seq'),
            deleted_at = NULL, updated_at = now()
        WHERE records.hash <> excluded.hash OR records.deleted_at IS NOT NULL
      RETURNING key, (xmax = 0) AS inserted`,
    );
    for (const r of chunk) outcome.set(r.key, 'unchanged');
    for (const row of written) outcome.set(row.key, row.inserted ? 'created' : 'updated');
  }
  return outcome;
}

export async function getRecord(
  db: Db,
  orgId: string,
  kind: string,
  key: string,
): Promise<StoredRecord | undefined> {
  const rows = await queryRows<RecordRow>(
    db,
    sql`
    SELECT key, data, hash, seq, deleted_at, updated_at FROM records
    WHERE org_id = ${orgId} AND kind = ${kind} AND key = ${key}`,
  );
  const row = rows[0];
  return row && toStored(row);
}

/**
 * The live records of a kind among `keys`, by key (data parsed); for connectors' `toWire`. The keys
 * drive a scalar subquery each, so each is one primary-key lookup whatever the planner's statistics
 * (a join, `IN (…)` or `= ANY(…)` let PostgreSQL read every record of the kind per page instead).
 */
export async function getLiveRecords(
  db: Db,
  orgId: string,
  kind: string,
  keys: readonly string[],
): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  if (keys.length === 0) return found;
  const rows = await queryRows<{ key: string; data: unknown }>(
    db,
    sql`
    SELECT wanted.key,
      (SELECT r.data FROM records r
        WHERE r.org_id = ${orgId} AND r.kind = ${kind} AND r.key = wanted.key AND r.deleted_at IS NULL) AS data
    FROM jsonb_array_elements_text(${JSON.stringify([...new Set(keys)])}::jsonb) AS wanted(key)`,
  );
  for (const r of rows) {
    if (r.data !== null) found.set(r.key, typeof r.data === 'string' ? JSON.parse(r.data) : r.data);
  }
  return found;
}

/** A page in key order; `after` is the last key of the previous page, so pages are stable. */
export async function listRecords(
  db: Db,
  orgId: string,
  kind: string,
  opts: { after?: string | undefined; limit: number; includeDeleted?: boolean | undefined },
): Promise<StoredRecord[]> {
  const rows = await queryRows<RecordRow>(
    db,
    sql`
    SELECT key, data, hash, seq, deleted_at, updated_at FROM records
    WHERE org_id = ${orgId} AND kind = ${kind}
      ${opts.after === undefined ? sql`` : sql`AND key > ${opts.after}`}
      ${opts.includeDeleted ? sql`` : sql`AND deleted_at IS NULL`}
    ORDER BY key LIMIT ${opts.limit}`,
  );
  return rows.map(toStored);
}

/** Soft delete: the row stays (with a new seq) so the engine can deliver the deletion to platforms. */
export async function deleteRecords(
  db: Db,
  orgId: string,
  kind: string,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await queryRows<{ key: string }>(
    db,
    sql`
    WITH writing AS (SELECT pg_advisory_xact_lock_shared(${RECORD_WRITE_LOCK}))
    UPDATE records SET deleted_at = now(), updated_at = now(), seq = nextval('record_seq')
    FROM writing
    WHERE org_id = ${orgId} AND kind = ${kind} AND deleted_at IS NULL
      AND key IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
    RETURNING key`,
  );
  return rows.map((r) => r.key);
}

export async function countRecords(db: Db, orgId: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ kind: string; n: string | number }>(
    db,
    sql`
    SELECT kind, count(*) AS n FROM records WHERE org_id = ${orgId} AND deleted_at IS NULL GROUP BY kind`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

interface RecordRow extends Record<string, unknown> {
  key: string;
  data: unknown;
  hash: string;
  seq: string | number;
  deleted_at: string | Date | null;
  updated_at: string | Date;
}

function toStored(row: RecordRow): StoredRecord {
  return {
    key: row.key,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    hash: row.hash,
    seq: Number(row.seq),
    deletedAt: storedTime(row.deleted_at),
    updatedAt: storedTime(row.updated_at),
  };
}

/**
 * Whether a record of `kind` was created, changed or deleted after change number `afterSeq`. Walks
 * the change index from `afterSeq` on: on an unchanged store it reads nothing.
 */
export async function kindChangedSince(
  db: Db,
  orgId: string,
  kind: string,
  afterSeq: number,
): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM records WHERE seq > ${afterSeq} AND org_id = ${orgId} AND kind = ${kind} LIMIT 1`,
  );
  return rows.length > 0;
}
