import { sql } from 'drizzle-orm';
import { createOperation, updateOperation } from '../../store/operation-store.js';
import type { OutboxEntry, OutboxStream } from '../connector/connector.js';
import { GiveUpError, runWithRetry, SplitRequired } from '../policy/run-with-retry.js';
import { CommitQueue } from './commit-queue.js';
import { ConnectionProblemError, retryOptions, type StreamRun } from './stream-run.js';

/** Codes after which every further call of the run would fail the same way. */
const CONNECTION_PROBLEMS = new Set(['auth_rejected', 'auth_expired']);
/** Batches read from the store in one query. */
const READ_AHEAD = 10;
/** Acknowledged batches whose removal is committed together. */
const GROUP = 10;

interface Acked {
  batch: readonly OutboxEntry[];
  started: Date;
  requests: number;
}

/**
 * Drains one outbox stream of a connection: the oldest entries a batch at a time, each batch under
 * the run's retry policy, removed from the queue once acknowledged (each request a batch operation,
 * like an outbound batch). Strictly one request at a time, whatever `policy.concurrency` says:
 * entries are delivered in queue order. A batch's bookkeeping must not cost more than its request,
 * so entries are read several batches at a time, ahead of the requests, and acknowledged batches
 * leave the queue a group at a time behind them (commits in order, see CommitQueue) — a process that
 * dies sends the uncommitted ones again: at least once. A batch the policy gives up on stays queued
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
  const chunk = size * READ_AHEAD;
  const commits = new CommitQueue();
  let acked: Acked[] = [];
  const commitAcked = () => {
    if (acked.length === 0) return;
    const group = acked;
    acked = [];
    commits.add(() => commitBatches(run, stream, group));
  };

  let buffer: OutboxEntry[] = [];
  let exhausted = false;
  let lastRead: number | undefined;
  let reading: Promise<OutboxEntry[]> | undefined;
  const readMore = () => {
    reading = stream.take(run.ctx, chunk, lastRead);
    reading.catch(() => {}); // awaited below; this only keeps an abandoned read from crashing the process
  };
  readMore();
  try {
    for (;;) {
      if (run.signal.aborted) return;
      if (buffer.length < size && reading) {
        const more = await reading;
        reading = undefined;
        if (more.length < chunk) exhausted = true;
        if (more.length > 0) lastRead = more.at(-1)!.id;
        buffer = buffer.concat(more);
      }
      // The next chunk is read while this one's requests are out.
      if (!reading && !exhausted && buffer.length < chunk) readMore();
      if (buffer.length === 0) return;
      const batch = buffer.slice(0, size);
      buffer = buffer.slice(batch.length);
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
          buffer = batch.concat(buffer);
          continue;
        }
        if (!(err instanceof GiveUpError) || err.code === 'cancelled') throw err;
        if (CONNECTION_PROBLEMS.has(err.code)) throw new ConnectionProblemError(err.message, err.code);
        commitAcked();
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
      run.tally.answered++;
      metrics?.requests.inc({ ...labels, result: 'ok' });
      metrics?.records.inc({ ...labels, outcome: 'sent' }, batch.length);
      acked.push({ batch, started, requests });
      if (acked.length >= GROUP) commitAcked();
    }
  } finally {
    await reading?.catch(() => {});
    commitAcked();
    await commits.flush();
  }
}

/**
 * Acknowledged batches leave the queue, with one operation per request and the run's counts, in one
 * transaction of two statements.
 */
async function commitBatches(run: StreamRun, stream: OutboxStream, group: readonly Acked[]): Promise<void> {
  const { connection } = run;
  const db = run.engine.store.db;
  const rows = group.map((g) => ({ n: g.batch.length, r: g.requests, s: g.started.toISOString() }));
  const sent = rows.reduce((sum, r) => sum + r.n, 0);
  const requests = rows.reduce((sum, r) => sum + r.r, 0);
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as typeof db;
    await stream.remove(
      group.flatMap((g) => g.batch),
      { ...run.ctx, db: tx },
    );
    await tx.execute(sql`
      WITH batches AS (
        INSERT INTO operations (org_id, connection_id, platform, parent_id, type, kind, state, sent, requests,
          started_at, finished_at)
        SELECT ${connection.orgId}, ${connection.id}, ${connection.platform}, ${run.runId}, 'batch',
          ${stream.name}, 'succeeded', (b.v->>'n')::bigint, (b.v->>'r')::bigint, (b.v->>'s')::timestamptz, now()
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS b(v, i) ORDER BY b.i)
      UPDATE operations SET sent = sent + ${sent}, requests = requests + ${requests}
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
