import type { OperationState } from '../../store/operation-store.js';
import { listConnectionHealth } from '../../store/run-stats-store.js';
import type { EngineContext } from '../engine-context.js';
import { scheduleIntervalSeconds } from '../schedule-interval.js';
import type { ConnectionLabels, RunTally } from './stream-run.js';

/** How a run ended, as the log tells it. */
export interface RunEnd {
  runId: number;
  connectionId: string;
  labels: ConnectionLabels;
  state: OperationState;
  /** Why a failed run failed: auth_rejected, platform_unreachable, connection_invalid, … */
  code?: string | undefined;
  lastError: string | null;
  tally: RunTally;
  /** Streams that stopped on an error while the run went on. */
  failedStreams?: number | undefined;
}

const CREDENTIALS_REFUSED = new Set(['auth_rejected', 'auth_expired']);

/**
 * Writes the one log line an operator needs about a run that went wrong: `error` for a failed run
 * (refused credentials say so), `warn` for a partial run whose stream failed or whose batches were
 * dead-lettered, and one more `error` when the platform has now been unreachable for longer than
 * the connection's schedule. Fields: org, connection (name), platform, run, code — the reason is a transport or
 * policy message (never a payload: record refusals stay in record_errors, masked).
 */
export async function logRunEnd(engine: EngineContext, end: RunEnd): Promise<void> {
  const log = engine.log;
  if (!log) return;
  const base = { ...end.labels, run: end.runId };
  const reason = end.lastError?.slice(0, 300) ?? undefined;
  if (end.state === 'failed') {
    const code = end.code ?? 'failed';
    const msg = CREDENTIALS_REFUSED.has(code)
      ? 'sync run failed: the platform refused the credentials'
      : code === 'platform_unreachable'
        ? 'sync run failed: no request reached the platform'
        : 'sync run failed';
    log.error({ ...base, code, deadLetters: end.tally.deadLetters || undefined, reason }, msg);
    if (code === 'platform_unreachable') await logIfUnreachableTooLong(engine, end, base);
    return;
  }
  if (end.state !== 'partial') return;
  if (end.failedStreams) {
    log.warn(
      {
        ...base,
        code: 'stream_failed',
        streams: end.failedStreams,
        deadLetters: end.tally.deadLetters || undefined,
        reason,
      },
      'sync run partial: a stream failed, the others ran',
    );
  } else if (end.tally.deadLetters > 0) {
    log.warn(
      { ...base, code: 'dead_letter', records: end.tally.deadLetters, reason: end.tally.firstDeadLetter },
      'records dead-lettered: the next run sends them again',
    );
  }
}

async function logIfUnreachableTooLong(
  engine: EngineContext,
  end: RunEnd,
  base: Record<string, unknown>,
): Promise<void> {
  const [health] = await listConnectionHealth(engine.store.db, end.connectionId);
  if (!health) return;
  const now = new Date();
  const schedule = scheduleIntervalSeconds(health.settings, now);
  if (schedule === undefined) return;
  const since = health.lastSuccessAt ?? health.createdAt;
  const downSeconds = Math.round((now.getTime() - since.getTime()) / 1000);
  if (downSeconds <= schedule) return;
  engine.log?.error(
    {
      ...base,
      code: 'unreachable_beyond_schedule',
      since: since.toISOString(),
      downSeconds,
      scheduleSeconds: schedule,
    },
    'platform unreachable for longer than its schedule',
  );
}
