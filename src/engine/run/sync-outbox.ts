import { sql } from 'drizzle-orm';
import { createOperation, updateOperation } from '../../store/operation-store.js';
import type { OutboxEntry, OutboxStream } from '../connector/connector.js';
import { GiveUpError, runWithRetry, SplitRequired } from '../policy/run-with-retry.js';
import { CommitQueue } from './commit-queue.js';
import { ConnectionProblemError, retryOptions, type StreamRun } from './stream-run.js';

/** Codes after which every further call of the run would fail the same way. */
const CONNECTION_PROBLEMS = new Set(['auth_rejected', 'auth_expired']);

/**
 * Drains one outbox stream of a connection: the oldest entries a batch at a time, each batch under
 * the run's retry policy, removed from the queue once acknowledged (each batch an operation, like an
 * outbound batch). Strictly one request at a time, whatever `policy.concurrency` says: entries are
 * delivered in queue order. The next batch is read and the last one's removal committed while a
 * request is out (commits in order, see CommitQueue). A batch the policy gives up on stays queued
 * and ends the pass (counted as dead letters, so the run fails and says why); the next run starts
 * again from it. A request-too-large answer halves the batch size for the rest of the pass.
 */
export async function syncOutboxStream(run: StreamRun, stream: OutboxStream): Promise<void> {
  const { engine, connection } = run;
  const metrics = engine.metrics;
  const labels = { ...run.labels, kind: stream.name };
  let size = Math.max(
    1,
    Math.min(stream.batchSize(connection.settings), run.maxBatchRecords ?? Number.POSITIVE_INFINITY),
  );
  const commits = new CommitQueue();
  /** The last entry of the batch before the one being read (undefined: from the queue's head). */
  let before: number | undefined;
  let ahead = stream.take(run.ctx, size, before);
  ahead.catch(() => {}); // awaited below; this only keeps an abandoned read from crashing the process
  try {
    for (;;) {
      if (run.signal.aborted) return;
      const batch = await ahead;
      if (batch.length === 0) return;
      const last = batch.at(-1)!.id;
      ahead = stream.take(run.ctx, size, last);
      ahead.catch(() => {});
      await commits.room();
      const started = new Date();
      let requests = 0;
      try {
        await runWithRetry(
          async () => {
            requests++;
            await stream.deliver(batch, run.ctx);
          },
          {
            ...retryOptions(run, batch.length),
            onRetry: (d) => metrics?.requests.inc({ ...labels, result: d.action }),
          },
        );
      } catch (err) {
        if (err instanceof SplitRequired && batch.length > 1) {
          metrics?.requests.inc({ ...labels, result: 'split' });
          run.tally.answered++;
          size = Math.ceil(batch.length / 2);
          await ahead.catch(() => {});
          ahead = stream.take(run.ctx, size, before);
          ahead.catch(() => {});
          continue;
        }
        if (!(err instanceof GiveUpError) || err.code === 'cancelled') throw err;
        if (CONNECTION_PROBLEMS.has(err.code)) throw new ConnectionProblemError(err.message, err.code);
        await commits.flush();
        const lastError = await recordStuck(run, stream, batch, err, { started, requests });
        metrics?.requests.inc({ ...labels, result: 'failed' });
        metrics?.records.inc({ ...labels, outcome: 'dead' }, batch.length);
        run.tally.deadLetters += batch.length;
        run.tally.firstDeadLetter ??= lastError;
        return;
      } finally {
        metrics?.batchSeconds.observe(labels, (Date.now() - started.getTime()) / 1000);
      }
      before = last;
      run.tally.answered++;
      metrics?.requests.inc({ ...labels, result: 'ok' });
      metrics?.records.inc({ ...labels, outcome: 'sent' }, batch.length);
      commits.add(() => commitBatch(run, stream, batch, { started, requests }));
    }
  } finally {
    await ahead.catch(() => {});
    await commits.flush();
  }
}

/**
 * Acknowledged: the entries leave the queue, with the batch's operation and the run's counts, in one
 * transaction of two statements (a batch is small; its bookkeeping must not cost more than the
 * request).
 */
async function commitBatch(
  run: StreamRun,
  stream: OutboxStream,
  batch: readonly OutboxEntry[],
  at: { started: Date; requests: number },
): Promise<void> {
  const { connection } = run;
  const db = run.engine.store.db;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as typeof db;
    await stream.remove(batch, { ...run.ctx, db: tx });
    await tx.execute(sql`
      WITH batch AS (
        INSERT INTO operations (org_id, connection_id, platform, parent_id, type, kind, state, sent, requests,
          started_at, finished_at)
        VALUES (${connection.orgId}, ${connection.id}, ${connection.platform}, ${run.runId}, 'batch',
          ${stream.name}, 'succeeded', ${batch.length}, ${at.requests}, ${at.started.toISOString()}::timestamptz, now()))
      UPDATE operations SET sent = sent + ${batch.length}, requests = requests + ${at.requests}
      WHERE id = ${run.runId}`);
  });
}

/** A batch the policy gave up on: a failed batch operation naming its entries; they stay queued. */
async function recordStuck(
  run: StreamRun,
  stream: OutboxStream,
  batch: readonly OutboxEntry[],
  err: GiveUpError,
  at: { started: Date; requests: number },
): Promise<string> {
  const { connection } = run;
  const db = run.engine.store.db;
  const range = `${batch[0]!.id}..${batch.at(-1)!.id}`;
  const lastError = `${err.code}: ${err.message} (entries ${range} stay queued)`.slice(0, 1000);
  const counts = { failed: batch.length, requests: at.requests };
  await createOperation(db, {
    orgId: connection.orgId,
    connectionId: connection.id,
    platform: connection.platform,
    parentId: run.runId,
    type: 'batch',
    kind: stream.name,
    state: 'failed',
    counts,
    startedAt: at.started,
    lastError,
  });
  await updateOperation(db, run.runId, { add: counts });
  return lastError;
}
