import { createOperation, updateOperation } from '../../store/operation-store.js';
import type { OutboxEntry, OutboxStream } from '../connector/connector.js';
import { GiveUpError, runWithRetry, SplitRequired } from '../policy/run-with-retry.js';
import { ConnectionProblemError, retryOptions, type StreamRun } from './stream-run.js';

/** Codes after which every further call of the run would fail the same way. */
const CONNECTION_PROBLEMS = new Set(['auth_rejected', 'auth_expired']);

/**
 * Drains one outbox stream of a connection: the oldest entries a batch at a time, each batch under
 * the run's retry policy, removed from the queue once acknowledged (each batch an operation, like an
 * outbound batch). Strictly one request at a time, whatever `policy.concurrency` says: entries are
 * delivered in queue order. A batch the policy gives up on stays queued and ends the pass (counted
 * as dead letters, so the run fails and says why); the next run starts again from it. A
 * request-too-large answer halves the batch size for the rest of the pass.
 */
export async function syncOutboxStream(run: StreamRun, stream: OutboxStream): Promise<void> {
  const { engine, connection } = run;
  const db = engine.store.db;
  const metrics = engine.metrics;
  const labels = { ...run.labels, kind: stream.name };
  let size = Math.max(
    1,
    Math.min(stream.batchSize(connection.settings), run.maxBatchRecords ?? Number.POSITIVE_INFINITY),
  );
  for (;;) {
    if (run.signal.aborted) return;
    const batch = await stream.take(run.ctx, size);
    if (batch.length === 0) return;
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
        continue;
      }
      if (!(err instanceof GiveUpError) || err.code === 'cancelled') throw err;
      if (CONNECTION_PROBLEMS.has(err.code)) throw new ConnectionProblemError(err.message, err.code);
      const lastError = await recordStuck(run, stream, batch, err, { started, requests });
      metrics?.requests.inc({ ...labels, result: 'failed' });
      metrics?.records.inc({ ...labels, outcome: 'dead' }, batch.length);
      run.tally.deadLetters += batch.length;
      run.tally.firstDeadLetter ??= lastError;
      return;
    } finally {
      metrics?.batchSeconds.observe(labels, (Date.now() - started.getTime()) / 1000);
    }
    run.tally.answered++;
    metrics?.requests.inc({ ...labels, result: 'ok' });
    metrics?.records.inc({ ...labels, outcome: 'sent' }, batch.length);
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as typeof db;
      await stream.remove(batch, { ...run.ctx, db: tx });
      const counts = { sent: batch.length, requests };
      await createOperation(tx, {
        orgId: connection.orgId,
        connectionId: connection.id,
        platform: connection.platform,
        parentId: run.runId,
        type: 'batch',
        kind: stream.name,
        state: 'succeeded',
        counts,
        startedAt: started,
      });
      await updateOperation(tx, run.runId, { add: counts });
    });
  }
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
