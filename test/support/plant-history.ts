import { sql } from 'drizzle-orm';
import { ackInbox, appendInbox } from '../../src/store/inbox-store.js';
import type { Db } from '../../src/store/open-store.js';
import { createOperation, updateOperation } from '../../src/store/operation-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import { openRecordErrors, resolveRecordErrors } from '../../src/store/record-error-store.js';
import { recordRunEnd } from '../../src/store/run-stats-store.js';

/** What plantHistory wrote that pruning at 90 days must remove, and what it must keep. */
export const PLANTED = {
  old: { runs: 2, operations: 4, inbox: 3, recordErrors: 1 },
  kept: { operations: 5, inbox: 3, recordErrors: 2 },
};

/**
 * History of one connection, some of it 100 days old: finished runs with batches and a page, a
 * check, a run still going, acknowledged and unacknowledged inbox items, resolved and open record
 * errors — the same history a real hub writes, with its clock turned back by SQL.
 */
export async function plantHistory(db: Db, orgId: string, connectionId: string): Promise<void> {
  const conn = { orgId, connectionId, platform: 'testbed' };
  const aged = (table: string, column: string, ids: number[]) =>
    db.execute(
      sql`UPDATE ${sql.raw(table)} SET ${sql.raw(column)} = now() - interval '100 days'
          WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`,
    );
  const run = async (state: 'succeeded' | 'failed' | 'running', children: number) => {
    const id = await createOperation(db, { ...conn, type: 'run', state, trigger: 'test' });
    const kids: number[] = [];
    for (let i = 0; i < children; i++)
      kids.push(
        await createOperation(db, {
          ...conn,
          type: 'batch',
          state: 'succeeded',
          parentId: id,
          kind: 'service',
        }),
      );
    if (state !== 'running') await recordRunEnd(db, connectionId, state);
    return [id, ...kids];
  };
  // Old: a succeeded run with two batches, a failed run with one page, a check.
  const oldOps = [...(await run('succeeded', 2)), ...(await run('failed', 1))];
  oldOps.push(await createOperation(db, { ...conn, type: 'check', state: 'succeeded' }));
  await aged('operations', 'finished_at', oldOps);
  await aged('operations', 'created_at', oldOps);
  // Kept: a recent run with a batch, an old run still running with its batch (no finish time), a check.
  const runningOld = await run('running', 1);
  await aged('operations', 'created_at', runningOld);
  await run('succeeded', 1);
  await createOperation(db, { ...conn, type: 'check', state: 'failed' });
  await updateOperation(db, runningOld[0]!, { add: { sent: 1 } });

  // Inbox: six items, the first four acknowledged; items 1–3 and 5 are old.
  await appendInbox(
    db,
    orgId,
    Array.from({ length: 6 }, (_, i) => ({
      connectionId,
      platform: 'testbed',
      kind: 'reading',
      sourceId: `src-${i}`,
      payload: { n: i },
    })),
  );
  const cursors = (
    await queryRows<{ id: string | number }>(
      db,
      sql`SELECT id FROM inbox WHERE org_id = ${orgId} ORDER BY id`,
    )
  ).map((r) => Number(r.id));
  await ackInbox(db, orgId, cursors[3]!);
  await aged('inbox', 'received_at', [cursors[0]!, cursors[1]!, cursors[2]!, cursors[4]!]);

  // Record errors: one resolved long ago (goes), one resolved now and one open long ago (stay).
  await openRecordErrors(db, orgId, connectionId, 'service', null, [
    { key: 'a', code: 'x', message: 'm' },
    { key: 'b', code: 'x', message: 'm' },
    { key: 'c', code: 'dead_letter', message: 'm' },
  ]);
  await resolveRecordErrors(db, connectionId, 'service', ['a', 'b']);
  await db.execute(
    sql`UPDATE record_errors SET resolved_at = now() - interval '100 days', first_seen = now() - interval '100 days'
        WHERE connection_id = ${connectionId} AND key IN ('a', 'c')`,
  );
}
