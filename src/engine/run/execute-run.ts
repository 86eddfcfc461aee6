import { sql } from 'drizzle-orm';
import { getConnection, readCredentials } from '../../store/connection-store.js';
import { countKindRecords } from '../../store/delivery-store.js';
import type { Db } from '../../store/open-store.js';
import {
  failInterruptedRuns,
  getOperation,
  isCancelRequested,
  type Operation,
  type OperationState,
  updateOperation,
} from '../../store/operation-store.js';
import { getLiveRecords, seqWatermark } from '../../store/record-store.js';
import { recordRunEnd } from '../../store/run-stats-store.js';
import { safeError } from '../../store/safe-error.js';
import { connectionSession } from '../connector/connection-session.js';
import { type ConnectorContext, ledgerOf, type OutboundStream } from '../connector/connector.js';
import type { EngineContext } from '../engine-context.js';
import { createPlatformFetch } from '../policy/platform-fetch.js';
import { GiveUpError } from '../policy/run-with-retry.js';
import { finalRunState } from './final-run-state.js';
import { logRunEnd } from './log-run-end.js';
import { readOutboundMark } from './outbound-mark.js';
import { resolveConnector } from './resolve-connector.js';
import { type RunOptions, RunOptionsSchema } from './run-options.js';
import {
  type ConnectionLabels,
  ConnectionProblemError,
  type RunTally,
  type StreamRun,
} from './stream-run.js';
import { syncInboundStream } from './sync-inbound.js';
import { syncOutboundStream } from './sync-outbound.js';
import { syncOutboxStream } from './sync-outbox.js';

/** Another process (or this one) is running a sync of the same connection right now. */
export class ConnectionBusyError extends Error {
  override name = 'ConnectionBusyError';
}

const CANCEL_POLL_MS = 500;

/**
 * Executes a queued run: one connection, its outbound streams in dependency order, then its inbound
 * streams. Only one run of a connection executes at a time across every process (store lock), so
 * no batch is ever delivered by two workers at once. A failing stream does not stop the others;
 * a connection problem (credentials refused) does, since every call would fail the same way.
 */
export async function executeRun(
  engine: EngineContext,
  runId: number,
  opts: { onProgress?: (run: Operation) => void } = {},
): Promise<Operation> {
  const run = await getOperation(engine.store.db, runId);
  if (run?.type !== 'run') throw new Error(`run ${runId} does not exist`);
  if (run.state !== 'queued' && run.state !== 'running') return run;
  const release = await engine.store.tryLock(`sync:${run.connectionId}`);
  if (!release)
    throw new ConnectionBusyError(`connection ${run.connectionId} is being synced by another run`);
  await failInterruptedRuns(engine.store.db, run.connectionId, runId).catch(() => {});
  const started = Date.now();
  const controller = new AbortController();
  const poll = setInterval(() => {
    isCancelRequested(engine.store.db, runId)
      .then((c) => {
        if (c) controller.abort(new Error('the run was cancelled'));
      })
      .catch(() => {});
    if (opts.onProgress)
      getOperation(engine.store.db, runId).then(
        (r) => r && opts.onProgress?.(r),
        () => {},
      );
  }, CANCEL_POLL_MS);
  const tally: RunTally = { answered: 0, deadLetters: 0 };
  // Until the connection is read, its id stands for its name.
  let labels: ConnectionLabels = { org: run.orgId, connection: run.connectionId, platform: run.platform };
  let final: RunFinal = { state: 'failed', lastError: null, code: 'internal' };
  try {
    final = await runStreams(engine, run, controller.signal, tally, (l) => {
      labels = l;
    });
  } catch (err) {
    final = { state: 'failed', lastError: describe(err), code: 'internal' };
  } finally {
    clearInterval(poll);
    await updateOperation(engine.store.db, runId, { state: final.state, lastError: final.lastError }).catch(
      () => {},
    );
    await recordRunEnd(engine.store.db, run.connectionId, final.state).catch(() => {});
    // PGlite has no autovacuum: refresh the statistics of what runs grow, so lookups keep using
    // the right index. PostgreSQL's autovacuum does this on its own.
    if (engine.store.driver === 'pglite') {
      const done = await getOperation(engine.store.db, runId).catch(() => undefined);
      if (done && done.sent + done.failed > 0) {
        await engine.store.db.execute(sql`ANALYZE deliveries, id_map`).catch(() => {});
      }
    }
    await release();
  }
  engine.metrics?.runSeconds.observe({ ...labels, state: final.state }, (Date.now() - started) / 1000);
  await logRunEnd(engine, { runId, connectionId: run.connectionId, labels, tally, ...final }).catch(() => {});
  const done = (await getOperation(engine.store.db, runId))!;
  opts.onProgress?.(done);
  return done;
}

/** A run's final state, its last error, and for a failed run the code that says why. */
interface RunFinal {
  state: OperationState;
  lastError: string | null;
  code?: string | undefined;
  /** Streams that stopped on an error while the run went on. */
  failedStreams?: number | undefined;
}

async function runStreams(
  engine: EngineContext,
  run: Operation,
  signal: AbortSignal,
  tally: RunTally,
  onLabels: (labels: ConnectionLabels) => void,
): Promise<RunFinal> {
  const db = engine.store.db;
  const options: RunOptions = RunOptionsSchema.parse(run.options);
  const conn = await getConnection(db, engine.box, run.orgId, run.connectionId);
  const invalid = (lastError: string): RunFinal => ({
    state: 'failed',
    lastError,
    code: 'connection_invalid',
  });
  if (!conn) return invalid(`connection ${run.connectionId} no longer exists`);
  const labels = { org: conn.orgId, connection: conn.name, platform: conn.platform };
  onLabels(labels);
  if (!conn.enabled) return invalid(`connection ${conn.name} is disabled`);
  const resolved = resolveConnector(engine.connectors, conn, await readCredentials(db, engine.box, conn.id));
  if (!resolved.ok) return invalid(resolved.error);
  const { connector, settings, credentials, sync } = resolved;

  const outbound = connector.outbound.filter(
    (s) => (!options.kinds || options.kinds.includes(s.kind)) && (s.enabled?.(settings) ?? true),
  );
  const inbound = connector.inbound.filter((s) => !options.kinds || options.kinds.includes(s.name));
  // One count per run: the progress denominator, and each stream's total for the records an
  // incremental pass does not look at (counting them is the one part of a no-op that grows with size).
  const kindTotals =
    options.direction === 'inbound'
      ? new Map<string, number>()
      : await runTotals(db, run.orgId, conn.id, outbound);
  let planned = 0;
  for (const n of kindTotals.values()) planned += n;
  await updateOperation(db, run.id, { state: 'running', planned });
  const session = connectionSession(engine, conn.id, resolved);
  const connection = { id: conn.id, orgId: conn.orgId, platform: conn.platform, settings };
  const ctx: ConnectorContext = {
    connection,
    credentials,
    fetch: createPlatformFetch({ timeoutMs: sync.retry.timeoutMs, signal }),
    session,
    signal,
    ids: engine.idMapView(conn.id),
    records: { get: (kind, keys) => getLiveRecords(db, conn.orgId, kind, keys) },
    db,
  };
  const streamRun: StreamRun = {
    engine,
    connection,
    ctx,
    runId: run.id,
    policy: sync.retry,
    signal,
    maxBatchRecords: sync.maxBatchRecords,
    tally,
    labels,
    kindTotals,
  };

  const failures: string[] = [];
  const jobs = [
    ...(options.direction === 'inbound'
      ? []
      : outbound.map((s) => ({ name: s.kind, go: () => syncOutboundStream(streamRun, s) }))),
    ...(options.direction === 'inbound'
      ? []
      : (connector.outboxes ?? [])
          .filter((s) => !options.kinds || options.kinds.includes(s.name))
          .map((s) => ({ name: s.name, go: () => syncOutboxStream(streamRun, s) }))),
    ...(options.direction === 'outbound'
      ? []
      : inbound.map((s) => ({ name: s.name, go: () => syncInboundStream(streamRun, s) }))),
  ];
  for (const job of jobs) {
    if (signal.aborted) break;
    try {
      await job.go();
    } catch (err) {
      if (signal.aborted) break;
      if (
        err instanceof ConnectionProblemError ||
        (err instanceof GiveUpError && err.code.startsWith('auth_'))
      ) {
        return {
          state: 'failed',
          lastError: `connection problem (${job.name}): ${describe(err)}`,
          code: (err as { code: string }).code,
        };
      }
      // Told once, in the run's own log line (logRunEnd), with the other streams' failures.
      failures.push(`${job.name}: ${describe(err)}`);
    }
  }
  const after = (await getOperation(db, run.id))!;
  const state = finalRunState({
    cancelled: signal.aborted,
    connectionProblem: false,
    streams: jobs.length,
    failedStreams: failures.length,
    failedRecords: after.failed,
    deadLetters: tally.deadLetters,
    answered: tally.answered,
  });
  const lastError =
    (failures.join('; ') || (tally.deadLetters > 0 ? `dead_letter: ${tally.firstDeadLetter}` : '')).slice(
      0,
      2000,
    ) || null;
  const failedStreams = failures.length;
  if (state !== 'failed') return { state, lastError, failedStreams };
  const unreachable = tally.answered === 0 && (tally.deadLetters > 0 || failures.length > 0);
  return { state, lastError, failedStreams, code: unreachable ? 'platform_unreachable' : 'streams_failed' };
}

/**
 * Each kind's record count as the streams' marks know it, when every stream has a mark with its
 * total at the current watermark (nothing committed since): an unchanged re-sync then counts
 * nothing. Undefined otherwise (the run counts).
 */
/**
 * Each outbound kind's record count: from the stream's mark where it holds the total at the current
 * watermark (nothing committed since its last complete pass), else counted — the kind alone, by
 * its index. So a stream without a mark (an organisation's few services) costs its own count, not a
 * count of every kind the run sends.
 */
async function runTotals(
  db: Db,
  orgId: string,
  connectionId: string,
  streams: readonly OutboundStream[],
): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  if (streams.length === 0) return totals;
  const watermark = await seqWatermark(db);
  const unknown = new Set<string>();
  for (const s of streams) {
    const mark = await readOutboundMark(db, connectionId, ledgerOf(s));
    if (mark?.total !== undefined && mark.seq === watermark) totals.set(s.kind, mark.total);
    else unknown.add(s.kind);
  }
  for (const kind of unknown) totals.set(kind, await countKindRecords(db, orgId, kind));
  return totals;
}

function describe(err: unknown): string {
  const e = safeError(err);
  return `${e.code ? `${e.code}: ` : ''}${e.message}`;
}
