import { markDelivered } from '../../store/delivery-store.js';
import { upsertIds } from '../../store/id-map-store.js';
import type { Db } from '../../store/open-store.js';
import { createOperation, updateOperation } from '../../store/operation-store.js';
import { openRecordErrors, resolveRecordErrors } from '../../store/record-error-store.js';
import { ledgerOf, type OutboundStream, type RecordOutcome } from '../connector/connector.js';
import { payloadExcerpt } from '../payload-excerpt.js';
import type { SizedRecord } from '../plan-batches.js';
import { isServerErrorExhausted } from '../policy/decide-retry.js';
import { GiveUpError, runWithRetry, SplitRequired } from '../policy/run-with-retry.js';
import type { CommitQueue } from './commit-queue.js';
import { afterServerError, type SplitBudget } from './split-after-server-error.js';
import { ConnectionProblemError, retryOptions, type StreamRun } from './stream-run.js';
import { yieldToIo } from './yield-to-io.js';

/** Codes after which every further call of the run would fail the same way. */
const CONNECTION_PROBLEMS = new Set(['auth_rejected', 'auth_expired']);

/**
 * Delivers one batch under the retry policy and queues the commit of its per-record outcomes —
 * delivery hashes, record errors, id map, the batch's operation row and the run's counts — as one
 * transaction (see CommitQueue: the next batch is sent while this one is written).
 * A request-too-large answer splits the batch and delivers the halves; a batch the policy gives up
 * on becomes record errors (`dead_letter` records are not marked delivered, so the next run sends
 * them again; records refused for good are marked `rejected` and wait for a change or a retry).
 * A stream whose platform may answer 5xx because of the data (`serverErrorsMayBeData`) has the
 * batch split after its 5xx retries are spent (split-after-server-error.ts).
 */
export async function deliverBatch(
  run: StreamRun,
  stream: OutboundStream,
  batch: readonly SizedRecord[],
  commits: CommitQueue,
): Promise<void> {
  await deliverPart(run, stream, batch, commits, 'batch');
}

/**
 * How a part is sent. `batch`: as planned, with every retry. Inside a split after server errors:
 * `probe` — one call; a 5xx is handed back uncommitted for the caller to judge; `bisect` — the
 * 5xx is the data's: a part answered 5xx is halved at once, a record alone gets every retry and
 * then its own record error.
 */
export type DeliveryMode = 'batch' | 'probe' | 'bisect';

/** A probe the platform did not take (a 5xx, or no answer after the retries): nothing of it is committed. */
export interface ServerRefusal {
  error: GiveUpError;
  requests: number;
}

export async function deliverPart(
  run: StreamRun,
  stream: OutboundStream,
  batch: readonly SizedRecord[],
  commits: CommitQueue,
  mode: DeliveryMode,
  budget?: SplitBudget,
): Promise<ServerRefusal | undefined> {
  await commits.room();
  const started = new Date();
  const labels = { ...run.labels, kind: stream.kind };
  const metrics = run.engine.metrics;
  const alone = batch.length === 1;
  let requests = 0;
  let outcomes: RecordOutcome[];
  try {
    outcomes = await runWithRetry(
      async () => {
        requests++;
        return stream.deliver(
          batch.map((b) => b.record),
          run.ctx,
        );
      },
      {
        ...retryOptions(run, batch.length),
        serverErrorAttempts: mode === 'probe' || (mode === 'bisect' && !alone) ? 1 : undefined,
        onRetry: (d) => metrics?.requests.inc({ ...labels, result: d.action }),
      },
    );
    if (outcomes.length !== batch.length) {
      throw new GiveUpError(
        {
          action: 'dead',
          code: 'bad_answer',
          message: `the platform answered ${outcomes.length} outcomes for ${batch.length} records`,
        },
        undefined,
      );
    }
    metrics?.requests.inc({ ...labels, result: 'ok' });
    run.tally.answered++;
  } catch (err) {
    if (err instanceof SplitRequired) {
      metrics?.requests.inc({ ...labels, result: 'split' });
      run.tally.answered++;
      const halves = mode === 'bisect' ? 'bisect' : 'batch';
      const mid = Math.ceil(batch.length / 2);
      await deliverPart(run, stream, batch.slice(0, mid), commits, halves, budget);
      await deliverPart(run, stream, batch.slice(mid), commits, halves, budget);
      return undefined;
    }
    if (!(err instanceof GiveUpError) || err.code === 'cancelled') throw err;
    if (CONNECTION_PROBLEMS.has(err.code)) throw new ConnectionProblemError(err.message, err.code);
    if (mode === 'probe' && err.decision.action === 'dead') return { error: err, requests };
    if (stream.serverErrorsMayBeData && isServerErrorExhausted(err.decision, err.cause)) {
      const at = { mode, budget, error: err, requests, started };
      if (await afterServerError(run, stream, batch, commits, at)) return undefined;
    }
    giveUp(run, stream, batch, commits, err, { started, requests });
    return undefined;
  } finally {
    metrics?.batchSeconds.observe(labels, (Date.now() - started.getTime()) / 1000);
  }
  commitLater(run, stream, batch, commits, outcomes, { started, requests, markRejected: true });
  return undefined;
}

/**
 * The policy gave up on a batch: each record gets the error (`dead_letter` when the platform never
 * answered it — those are sent again next run; otherwise the refusal is kept until a change).
 */
export function giveUp(
  run: StreamRun,
  stream: OutboundStream,
  batch: readonly SizedRecord[],
  commits: CommitQueue,
  err: GiveUpError,
  opts: { started: Date; requests: number; note?: string | undefined },
): void {
  run.engine.metrics?.requests.inc({ ...run.labels, kind: stream.kind, result: 'failed' });
  const dead = err.decision.action === 'dead';
  const code = dead ? 'dead_letter' : err.code;
  const message = `${dead ? `${err.code}: ` : ''}${err.message}${opts.note ? `; ${opts.note}` : ''}`;
  const failed: RecordOutcome[] = batch.map(() => ({ status: 'rejected', code, message }));
  if (dead) {
    commits.deadLetters += batch.length;
    run.tally.deadLetters += batch.length;
    run.tally.firstDeadLetter ??= message;
  } else run.tally.answered++;
  commitLater(run, stream, batch, commits, failed, { ...opts, markRejected: !dead });
}

/** Queues the commit of a part's outcomes (see commitOutcomes). */
export function commitLater(
  run: StreamRun,
  stream: OutboundStream,
  batch: readonly SizedRecord[],
  commits: CommitQueue,
  outcomes: readonly RecordOutcome[],
  opts: { started: Date; requests: number; markRejected: boolean },
): void {
  commits.add(async () => {
    await commitOutcomes(run, stream, batch, outcomes, opts);
    commits.delivered += outcomes.filter((o) => o.status === 'ok').length;
  });
}

async function commitOutcomes(
  run: StreamRun,
  stream: OutboundStream,
  batch: readonly SizedRecord[],
  outcomes: readonly RecordOutcome[],
  opts: { started: Date; requests: number; markRejected: boolean },
): Promise<void> {
  const { connection } = run;
  const entity = stream.entity ?? stream.kind;
  const marks: Array<{ key: string; hash: string; status: 'ok' | 'rejected'; source: string | undefined }> =
    [];
  const okKeys: string[] = [];
  const errors: Array<{ key: string; code: string; message: string; excerpt: string }> = [];
  const ids: Array<{ entity: string; key: string; platformId: string }> = [];
  outcomes.forEach((o, i) => {
    const r = batch[i]!;
    if (o.status === 'ok') {
      marks.push({ key: r.record.key, hash: r.hash, status: 'ok', source: r.source });
      okKeys.push(r.record.key);
      if (o.platformId !== undefined) ids.push({ entity, key: r.record.key, platformId: o.platformId });
    } else {
      if (opts.markRejected)
        marks.push({ key: r.record.key, hash: r.hash, status: 'rejected', source: r.source });
      errors.push({
        key: r.record.key,
        code: o.code,
        message: o.message,
        excerpt: payloadExcerpt(r.record.payload),
      });
    }
  });
  await yieldToIo();
  await run.engine.store.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await markDelivered(tx, connection.id, ledgerOf(stream), marks);
    await yieldToIo();
    await resolveRecordErrors(tx, connection.id, ledgerOf(stream), okKeys);
    await openRecordErrors(tx, connection.orgId, connection.id, ledgerOf(stream), run.runId, errors);
    await yieldToIo();
    await upsertIds(tx, connection.id, ids);
    await yieldToIo();
    const counts = { sent: okKeys.length, failed: errors.length, requests: opts.requests };
    await createOperation(tx, {
      orgId: connection.orgId,
      connectionId: connection.id,
      platform: connection.platform,
      parentId: run.runId,
      type: 'batch',
      kind: stream.kind,
      state: errors.length === 0 ? 'succeeded' : okKeys.length === 0 ? 'failed' : 'partial',
      counts,
      startedAt: opts.started,
      lastError: errors[0]
        ? `${errors[0].key}: ${errors[0].code}: ${errors[0].message}`.slice(0, 1000)
        : undefined,
    });
    await updateOperation(tx, run.runId, { add: counts });
  });
  const m = run.engine.metrics;
  const labels = { ...run.labels, kind: stream.kind };
  if (okKeys.length) m?.records.inc({ ...labels, outcome: 'sent' }, okKeys.length);
  if (errors.length)
    m?.records.inc({ ...labels, outcome: opts.markRejected ? 'rejected' : 'dead' }, errors.length);
}
