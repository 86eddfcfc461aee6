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
  /** Whether the platform was reached, for the run's final state (see finalRunState). */
  tally: RunTally;
  /** The connection's metric labels (bounded: one set per connection, never per record). */
  labels: ConnectionLabels;
  /** Records of each outbound kind when the run started (counted once per run). */
  kindTotals?: ReadonlyMap<string, number> | undefined;
}

/** What a run learns on its way about reaching the platform. */
export interface RunTally {
  /** Platform calls that got an answer: a batch delivered or refused, a page pulled. */
  answered: number;
  /** Records in batches the retry policy gave up on (network, 5xx, waits too long). */
  deadLetters: number;
  /** The first dead letter's reason, for the run's last error. */
  firstDeadLetter?: string | undefined;
}

/** Labels every metric of a connection's run carries. */
export interface ConnectionLabels {
  org: string;
  /** The connection's name (what operators type in the CLI and read in alerts). */
  connection: string;
  platform: string;
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
