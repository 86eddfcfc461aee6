import type { OperationState } from '../../store/operation-store.js';

/** What a run's final state is decided from, once every stream has had its turn. */
export interface RunOutcome {
  cancelled: boolean;
  /** Credentials refused, the connection gone, disabled or its settings invalid. */
  connectionProblem: boolean;
  /** Streams the run had to do. */
  streams: number;
  /** Streams that stopped on an error (a pull the policy gave up on, a bug). */
  failedStreams: number;
  /** Records refused: by the platform, by the mapping, or dead-lettered. */
  failedRecords: number;
  /** Records in batches the policy gave up on (network, timeouts, 5xx, waits too long). */
  deadLetters: number;
  /** Platform calls that got an answer (a batch delivered or refused, a page pulled). */
  answered: number;
}

/**
 * The one rule for a run's final state (README "Sync engine → run states"):
 * - `cancelled`: an operator cancelled it;
 * - `failed`: the run did not get through to the platform — the connection was refused (or is
 *   unusable), every stream failed, or something failed and not one platform call was answered
 *   (every request failed on the network, timed out or got a 5xx until the policy gave up);
 * - `partial`: the platform was reached, but some records were refused or dead-lettered, or some
 *   stream failed;
 * - `succeeded`: every record to send landed (or was unchanged) and every stream ran to its end.
 * A run with nothing to do (an unchanged re-sync makes no call) is `succeeded`.
 */
export function finalRunState(o: RunOutcome): OperationState {
  if (o.cancelled) return 'cancelled';
  if (o.connectionProblem) return 'failed';
  const somethingFailed = o.failedStreams > 0 || o.failedRecords > 0;
  if (!somethingFailed) return 'succeeded';
  if (o.streams > 0 && o.failedStreams === o.streams) return 'failed';
  const unreachable = o.answered === 0 && (o.deadLetters > 0 || o.failedStreams > 0);
  return unreachable ? 'failed' : 'partial';
}
