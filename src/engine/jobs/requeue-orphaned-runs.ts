import { sql } from 'drizzle-orm';
import type { Db } from '../../store/open-store.js';
import { queryRows } from '../../store/query-rows.js';

/**
 * Embedded mode only (one process owns the data directory): a run still `running` or `queued` at
 * start belongs to a process that died. It is queued again; the delivery hashes and checkpoints make
 * the rerun send only what had not landed.
 */
export async function requeueOrphanedRuns(db: Db): Promise<Array<{ id: number; connectionId: string }>> {
  const rows = await queryRows<{ id: string | number; connection_id: string }>(
    db,
    sql`UPDATE operations SET state = 'queued'
        WHERE type = 'run' AND state IN ('running', 'queued')
        RETURNING id, connection_id`,
  );
  return rows.map((r) => ({ id: Number(r.id), connectionId: r.connection_id }));
}
