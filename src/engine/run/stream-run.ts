import type { ConnectionRef, ConnectorContext } from '../connector/connector.js';
import type { EngineContext } from '../engine-context.js';
import type { RetryPolicy } from '../policy/retry-policy.js';

/** What one stream of a run works with. */
export interface StreamRun {
  engine: EngineContext;
  connection: ConnectionRef;
  ctx: ConnectorContext;
  runId: number;
  policy: RetryPolicy;
  signal: AbortSignal;
  /** The connection's cap on records per request (`settings.sync.maxBatchRecords`). */
  maxBatchRecords?: number | undefined;
}

/** The credentials are refused or the platform refuses us: every other call would fail the same way. */
export class ConnectionProblemError extends Error {
  override name = 'ConnectionProblemError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Options for runWithRetry shared by every call of a run. */
export function retryOptions(run: StreamRun, batchSize = 1) {
  return {
    policy: run.policy,
    reauth: () => run.ctx.session.clear(),
    signal: run.signal,
    random: run.engine.random,
    batchSize,
  };
}
