import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';

export interface Checkpoint {
  version: number;
  value: unknown;
  /** Grows by one with every write; 0 = never written. */
  rev: number;
}

/** Another writer moved the checkpoint since it was read: this page's transaction must roll back. */
export class CheckpointConflictError extends Error {
  override name = 'CheckpointConflictError';
}

export async function readCheckpoint(
  db: Db,
  connectionId: string,
  stream: string,
): Promise<Checkpoint | undefined> {
  const rows = await queryRows<{ version: string | number; value: unknown; rev: string | number }>(
    db,
    sql`SELECT version, value, rev FROM checkpoints WHERE connection_id = ${connectionId} AND stream = ${stream}`,
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    version: Number(r.version),
    value: typeof r.value === 'string' ? JSON.parse(r.value) : r.value,
    rev: Number(r.rev),
  };
}

/**
 * Writes the checkpoint only if it is still at `expectedRev` (compare-and-set): a checkpoint moves
 * forward from the position its page was read at, never back over a newer one. Call it in the
 * transaction that stores the page's data.
 */
export async function writeCheckpoint(
  db: Db,
  connectionId: string,
  stream: string,
  cp: { version: number; value: unknown },
  expectedRev: number,
): Promise<number> {
  const value = JSON.stringify(cp.value ?? null);
  const rows = await queryRows<{ rev: string | number }>(
    db,
    sql`
    INSERT INTO checkpoints (connection_id, stream, version, value, rev)
    VALUES (${connectionId}, ${stream}, ${cp.version}, ${value}::jsonb, ${expectedRev + 1})
    ON CONFLICT (connection_id, stream) DO UPDATE
      SET version = excluded.version, value = excluded.value, rev = excluded.rev, updated_at = now()
      WHERE checkpoints.rev = ${expectedRev}
    RETURNING rev`,
  );
  if (rows.length === 0) {
    throw new CheckpointConflictError(
      `checkpoint ${stream} of connection ${connectionId} moved past rev ${expectedRev} while this page was read`,
    );
  }
  return Number(rows[0]!.rev);
}

/** Forgets a connection's positions (all streams, one, or those whose name starts with a prefix). */
export async function resetCheckpoints(
  db: Db,
  connectionId: string,
  stream?: string,
  prefix?: string,
): Promise<void> {
  await db.execute(
    sql`DELETE FROM checkpoints WHERE connection_id = ${connectionId}
        ${stream ? sql`AND stream = ${stream}` : sql``}
        ${prefix ? sql`AND left(stream, ${prefix.length}) = ${prefix}` : sql``}`,
  );
}
