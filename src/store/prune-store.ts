import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';

/** What pruning removed (or, in a dry run, would remove). */
export interface PruneCounts {
  /** Finished sync runs. */
  runs: number;
  /** Their batches and pages, and checks and callbacks on their own. */
  operations: number;
  /** Inbox items the billing acknowledged. */
  inbox: number;
  /** Record errors resolved (their record landed since). */
  recordErrors: number;
}

const FINAL = sql`('succeeded', 'partial', 'failed', 'cancelled')`;
const CHUNK = 5000;

/**
 * Removes history older than `before`: finished runs with their batches and pages, other finished
 * operations (checks, callbacks), inbox items at or below the organization's acknowledged cursor,
 * and resolved record errors. Never touches records, deliveries, the id map, checkpoints, open
 * errors, unacknowledged inbox items or a running run. A connection's last success and run counts
 * live in `connection_run_stats` and survive. Deletes in chunks, so no transaction holds long locks.
 */
export async function pruneHistory(
  db: Db,
  before: Date,
  opts: { dryRun?: boolean } = {},
): Promise<PruneCounts> {
  const cutoff = sql`${before.toISOString()}::timestamptz`;
  const oldRuns = sql`type = 'run' AND state IN ${FINAL} AND finished_at < ${cutoff}`;
  const oldLoose = sql`type <> 'run' AND parent_id IS NULL AND state IN ${FINAL} AND finished_at < ${cutoff}`;
  const ackedInbox = sql`i.received_at < ${cutoff}
    AND i.id <= (SELECT a.acked_through FROM inbox_acks a WHERE a.org_id = i.org_id)`;
  const resolvedErrors = sql`state = 'resolved' AND resolved_at < ${cutoff}`;

  if (opts.dryRun) {
    const [runs, children, loose, inbox, errors] = await Promise.all([
      count(db, sql`SELECT count(*) AS n FROM operations WHERE ${oldRuns}`),
      count(
        db,
        sql`SELECT count(*) AS n FROM operations WHERE parent_id IN (SELECT id FROM operations WHERE ${oldRuns})`,
      ),
      count(db, sql`SELECT count(*) AS n FROM operations WHERE ${oldLoose}`),
      count(db, sql`SELECT count(*) AS n FROM inbox i WHERE ${ackedInbox}`),
      count(db, sql`SELECT count(*) AS n FROM record_errors WHERE ${resolvedErrors}`),
    ]);
    return { runs, operations: children + loose, inbox, recordErrors: errors };
  }

  const total: PruneCounts = { runs: 0, operations: 0, inbox: 0, recordErrors: 0 };
  for (;;) {
    const ids = (
      await queryRows<{ id: string | number }>(
        db,
        sql`SELECT id FROM operations WHERE ${oldRuns} ORDER BY id LIMIT ${CHUNK}`,
      )
    ).map((r) => Number(r.id));
    if (ids.length === 0) break;
    const list = sql`(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`;
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      total.operations += await deleted(
        tx,
        sql`DELETE FROM operations WHERE parent_id IN ${list} RETURNING 1`,
      );
      total.runs += await deleted(tx, sql`DELETE FROM operations WHERE id IN ${list} RETURNING 1`);
    });
  }
  total.operations += await chunked(db, sql`operations WHERE ${oldLoose}`, 'operations');
  total.inbox += await chunked(db, sql`inbox i WHERE ${ackedInbox}`, 'inbox');
  total.recordErrors += await chunked(db, sql`record_errors WHERE ${resolvedErrors}`, 'record_errors');
  return total;
}

/** Deletes the rows `from` selects (by id), CHUNK at a time; answers how many. */
async function chunked(db: Db, from: SQL, table: 'operations' | 'inbox' | 'record_errors'): Promise<number> {
  let n = 0;
  for (;;) {
    const got = await deleted(
      db,
      sql`DELETE FROM ${sql.raw(table)} WHERE id IN (SELECT id FROM ${from} LIMIT ${CHUNK}) RETURNING 1`,
    );
    n += got;
    if (got < CHUNK) return n;
  }
}

async function deleted(db: Db, query: SQL): Promise<number> {
  return (await queryRows(db, query)).length;
}

async function count(db: Db, query: SQL): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(db, query);
  return Number(rows[0]?.n ?? 0);
}
