import { setTimeout as delay } from 'node:timers/promises';
import { decideRetry, type RetryDecision } from './decide-retry.js';
import type { RetryPolicy } from './retry-policy.js';

type GiveUp = Extract<RetryDecision, { action: 'fail' | 'dead' }>;

/** The policy gave up on a call (`fail`, or `dead` for the dead letters); `code` says why. */
export class GiveUpError extends Error {
  override name = 'GiveUpError';
  readonly code: string;
  override readonly cause: unknown;
  constructor(
    readonly decision: GiveUp,
    cause: unknown,
  ) {
    super(decision.message);
    this.code = decision.code;
    this.cause = cause;
  }
}

/**
 * The batch is too large for the platform: only the batch layer can split it, so the decision is
 * handed up rather than taken here.
 */
export class SplitRequired extends Error {
  override name = 'SplitRequired';
  override readonly cause: unknown;
  constructor(
    readonly decision: Extract<RetryDecision, { action: 'split' }>,
    cause: unknown,
  ) {
    super(decision.reason);
    this.cause = cause;
  }
}

export interface RunWithRetryOptions {
  policy: RetryPolicy;
  /** Drops the session so the next call logs in again; asked at most once per call. */
  reauth: () => void | Promise<void>;
  /** The run's signal: once aborted, no more attempts and no more waiting (`cancelled`). */
  signal?: AbortSignal;
  random?: () => number;
  /** Must reject when `signal` aborts; the default is an abortable timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told about every retry, wait and reauth, for logs and metrics. */
  onRetry?: (decision: RetryDecision, err: unknown) => void;
  /** Records sent by `fn` (default 1): a batch of one that is too large fails instead of splitting. */
  batchSize?: number;
  /** Calls after which a 5xx gives up (default `policy.maxAttempts`); see RetryState. */
  serverErrorAttempts?: number | undefined;
}

/**
 * Calls `fn` until it succeeds or the policy gives up (single calls: login, pulls, acks, checks).
 * `fn` gets the attempt number (1-based). Throws GiveUpError on `fail`/`dead`, SplitRequired on
 * `split`.
 */
export async function runWithRetry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RunWithRetryOptions,
): Promise<T> {
  const { policy, signal } = opts;
  const sleep = opts.sleep ?? defaultSleep;
  let reauthed = false;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw cancelledError(signal.reason);
    let err: unknown;
    try {
      return await fn(attempt);
    } catch (e) {
      err = e;
    }
    // Whatever fn threw after a cancel (often a plain AbortError, sometimes a reset) is the cancel.
    if (signal?.aborted) throw cancelledError(err);
    const decision = decideRetry(
      err,
      { attempt, reauthed, batchSize: opts.batchSize ?? 1, serverErrorAttempts: opts.serverErrorAttempts },
      policy,
      opts.random,
    );
    switch (decision.action) {
      case 'fail':
      case 'dead':
        throw new GiveUpError(decision, err);
      case 'split':
        throw new SplitRequired(decision, err);
      case 'reauth':
        opts.onRetry?.(decision, err);
        reauthed = true;
        await opts.reauth();
        break;
      case 'retry':
      case 'wait':
        // The new session got past authentication (this failure is something else), so a token
        // that expires later in a long retry sequence may be renewed again.
        reauthed = false;
        opts.onRetry?.(decision, err);
        try {
          await sleep(decision.delayMs, signal);
        } catch (e) {
          if (signal?.aborted) throw cancelledError(e);
          throw e;
        }
        break;
    }
  }
}

function cancelledError(cause: unknown): GiveUpError {
  return new GiveUpError({ action: 'fail', code: 'cancelled', message: 'the run was cancelled' }, cause);
}

async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal ? { signal } : undefined);
}
