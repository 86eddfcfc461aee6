import { isNamed, networkErrorCode } from './network-error-code.js';
import {
  AuthExpiredError,
  AuthRejectedError,
  NonRetryableError,
  PayloadTooLargeError,
  PlatformError,
  PlatformHttpError,
  PlatformNetworkError,
  RateLimitedError,
} from './platform-errors.js';
import type { RetryPolicy } from './retry-policy.js';

/**
 * What to do after a failed platform call.
 * - `retry`: the same call again after `delayMs` (backoff);
 * - `wait`: the platform's rate limit — the same call after exactly the time it asked for;
 * - `reauth`: log in again, then the same call at once;
 * - `split`: the batch is too large — send it in halves;
 * - `fail`: another attempt cannot help (bad credentials, a bug, a cancelled run);
 * - `dead`: we tried, or would have to wait, too long: the request goes to the dead letters.
 */
export type RetryDecision =
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'wait'; delayMs: number; reason: string }
  | { action: 'reauth'; reason: string }
  | { action: 'split'; reason: string }
  | { action: 'fail'; code: string; message: string }
  | { action: 'dead'; code: string; message: string };

export interface RetryState {
  /** Calls made so far for this request, this failed one included (≥ 1). Rate-limit waits count. */
  attempt: number;
  /** A re-login was already done for this request: a second AuthExpiredError is a real refusal. */
  reauthed: boolean;
  /** Records in the failed request: a batch of one cannot be split any further. */
  batchSize: number;
  /**
   * Calls after which a 5xx answer gives up (default: the policy's `maxAttempts`). A probe inside a
   * split after server errors takes one: the batch's retries for the 5xx were spent already.
   */
  serverErrorAttempts?: number | undefined;
}

/**
 * The one table that turns a failure into a decision (see RetryDecision). Pure: `random` is the
 * jitter source, so the table can be tested with fixed values.
 *
 * Rate-limit waits count against `maxAttempts` like any attempt: a platform answering 429 for ever
 * (or with `Retry-After: 0`) must end in the dead letters, not in a loop.
 */
export function decideRetry(
  err: unknown,
  state: RetryState,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  // A cancelled run: platformFetch rethrows the run's abort as an AbortError. Never retried.
  if (isNamed(err, 'AbortError'))
    return { action: 'fail', code: 'cancelled', message: 'the run was cancelled' };

  if (err instanceof AuthExpiredError) {
    if (!state.reauthed) return { action: 'reauth', reason: `session expired: ${err.message}` };
    return {
      action: 'fail',
      code: 'auth_expired',
      message: `refused again after a new login: ${err.message}`,
    };
  }
  // Wrong credentials: the operator must fix the connection; retrying only risks a lockout.
  if (err instanceof AuthRejectedError)
    return { action: 'fail', code: 'auth_rejected', message: err.message };
  if (err instanceof PayloadTooLargeError) {
    if (state.batchSize > 1)
      return { action: 'split', reason: `batch of ${state.batchSize} too large: ${err.message}` };
    return { action: 'fail', code: 'too_large', message: `a single record is too large: ${err.message}` };
  }
  if (err instanceof NonRetryableError) return { action: 'fail', code: err.code, message: err.message };

  if (err instanceof RateLimitedError)
    return rateLimited(err.retryAfterMs, err.message, state, policy, random);
  if (err instanceof PlatformHttpError) {
    if ((err.status === 429 || err.status === 503) && err.retryAfterMs !== undefined) {
      return rateLimited(err.retryAfterMs, err.message, state, policy, random);
    }
    // A 429 without a hint is still a rate limit: back off, as a wait.
    if (err.status === 429) return rateLimited(undefined, err.message, state, policy, random);
    if (err.status >= 500) {
      if (state.serverErrorAttempts !== undefined && state.attempt >= state.serverErrorAttempts)
        return exhausted(err.message, state);
      return retry(err.message, state, policy, random);
    }
    return { action: 'fail', code: `http_${err.status}`, message: err.message };
  }
  if (err instanceof PlatformNetworkError) return retry(`${err.code}: ${err.message}`, state, policy, random);
  // A PlatformError the connector did not classify: we cannot know another attempt helps.
  if (err instanceof PlatformError) return { action: 'fail', code: 'platform_error', message: err.message };

  // Not ours: retried only when it is plainly a network failure out of fetch (a connector reading a
  // body, a library call); anything else is a bug, and a bug must not be retried forever.
  const code = networkErrorCode(err);
  if (code !== undefined) return retry(`${code}: ${messageOf(err)}`, state, policy, random);
  return { action: 'fail', code: 'internal', message: messageOf(err) };
}

/**
 * The policy gave up on a request the platform kept answering with a 5xx (not a network failure, not
 * a rate limit). For a stream whose platform may answer 5xx because of the data
 * (`serverErrorsMayBeData`), that is when the batch is split to find the record.
 */
export function isServerErrorExhausted(decision: { code: string }, cause: unknown): boolean {
  return decision.code === 'retries_exhausted' && cause instanceof PlatformHttpError && cause.status >= 500;
}

/** Exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^(attempt−1))). */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * window);
}

function retry(message: string, state: RetryState, policy: RetryPolicy, random: () => number): RetryDecision {
  if (state.attempt >= policy.maxAttempts) return exhausted(message, state);
  const delayMs = backoffDelay(state.attempt, policy, random);
  return {
    action: 'retry',
    delayMs,
    reason: `${message} (attempt ${state.attempt} of ${policy.maxAttempts})`,
  };
}

function rateLimited(
  retryAfterMs: number | undefined,
  message: string,
  state: RetryState,
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxWaitMs) {
    return {
      action: 'dead',
      code: 'rate_limit_wait_too_long',
      message: `the platform asks to wait ${formatMs(retryAfterMs)}, longer than the ${formatMs(policy.maxWaitMs)} we wait: ${message}`,
    };
  }
  if (state.attempt >= policy.maxAttempts) return exhausted(message, state);
  const delayMs = retryAfterMs ?? backoffDelay(state.attempt, policy, random);
  return {
    action: 'wait',
    delayMs,
    reason: `rate limited, waiting ${formatMs(delayMs)}${retryAfterMs === undefined ? ' (no hint, backoff)' : ''}: ${message}`,
  };
}

function exhausted(message: string, state: RetryState): RetryDecision {
  return {
    action: 'dead',
    code: 'retries_exhausted',
    message: `gave up after ${state.attempt} attempts: ${message}`,
  };
}

/** Only the error's name and message: never a request body, and bounded. */
function messageOf(err: unknown): string {
  const e = err as { name?: unknown; message?: unknown } | null;
  const text =
    typeof e === 'object' && e !== null && typeof e.message === 'string'
      ? `${String(e.name)}: ${e.message}`
      : String(err);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.ceil(ms / 1000)} s`;
  return `${Math.ceil(ms / 60_000)} min`;
}
