import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  decideRetry,
  isServerErrorExhausted,
  type RetryDecision,
} from '../../../src/engine/policy/decide-retry.js';
import {
  AuthExpiredError,
  AuthRejectedError,
  NonRetryableError,
  PayloadTooLargeError,
  PlatformError,
  PlatformHttpError,
  PlatformNetworkError,
  RateLimitedError,
} from '../../../src/engine/policy/platform-errors.js';
import { defaultRetryPolicy, RetryPolicy } from '../../../src/engine/policy/retry-policy.js';

const policy = defaultRetryPolicy; // maxAttempts 6, base 500 ms, cap 60 s, maxWait 1 h
const longPolicy = RetryPolicy.parse({ maxAttempts: 20 });

const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

interface Row {
  name: string;
  err: unknown;
  attempt?: number;
  reauthed?: boolean;
  batchSize?: number;
  serverErrorAttempts?: number;
  random?: number;
  pol?: RetryPolicy;
  expected: Partial<RetryDecision> & { action: RetryDecision['action'] };
}

const rows: Row[] = [
  // network failures and 5xx: exponential backoff with full jitter
  {
    name: 'network reset, attempt 1',
    err: new PlatformNetworkError('no answer', 'ECONNRESET'),
    random: 0.5,
    expected: { action: 'retry', delayMs: 250 },
  },
  {
    name: 'network refused, attempt 2',
    err: new PlatformNetworkError('no answer', 'ECONNREFUSED'),
    attempt: 2,
    random: 0.5,
    expected: { action: 'retry', delayMs: 500 },
  },
  {
    name: 'timeout, attempt 3, jitter low bound',
    err: new PlatformNetworkError('no answer', 'TIMEOUT'),
    attempt: 3,
    random: 0,
    expected: { action: 'retry', delayMs: 0 },
  },
  {
    name: 'timeout, attempt 3, jitter high bound',
    err: new PlatformNetworkError('no answer', 'TIMEOUT'),
    attempt: 3,
    random: 0.999,
    expected: { action: 'retry', delayMs: 1998 },
  },
  {
    name: 'backoff capped at maxDelayMs',
    err: new PlatformNetworkError('no answer', 'TIMEOUT'),
    attempt: 12,
    random: 0.999,
    pol: longPolicy,
    expected: { action: 'retry', delayMs: 59_940 },
  },
  {
    name: 'HTTP 500',
    err: new PlatformHttpError(500, 'POST /x → 500'),
    attempt: 2,
    random: 0.5,
    expected: { action: 'retry', delayMs: 500 },
  },
  {
    name: 'HTTP 502',
    err: new PlatformHttpError(502, 'POST /x → 502'),
    random: 0.999,
    expected: { action: 'retry', delayMs: 499 },
  },
  {
    name: 'HTTP 503 without a hint',
    err: new PlatformHttpError(503, 'POST /x → 503'),
    random: 0.5,
    expected: { action: 'retry', delayMs: 250 },
  },
  {
    name: 'last allowed retry (attempt 5 of 6)',
    err: new PlatformNetworkError('no answer', 'ECONNRESET'),
    attempt: 5,
    random: 0.5,
    expected: { action: 'retry', delayMs: 4000 },
  },
  // attempts exhausted
  {
    name: 'network error on attempt 6 → dead',
    err: new PlatformNetworkError('GET /a: no answer', 'ECONNRESET'),
    attempt: 6,
    expected: { action: 'dead', code: 'retries_exhausted' },
  },
  {
    name: 'HTTP 500 on attempt 7 → dead',
    err: new PlatformHttpError(500, 'GET /a → 500'),
    attempt: 7,
    expected: { action: 'dead', code: 'retries_exhausted' },
  },
  // a probe in a split after server errors: its batch's 5xx retries were spent already
  {
    name: 'HTTP 500 on a probe allowed one call → dead at once',
    err: new PlatformHttpError(500, 'POST /a → 500'),
    serverErrorAttempts: 1,
    expected: { action: 'dead', code: 'retries_exhausted' },
  },
  {
    name: 'a probe allowed one 5xx still retries a network error',
    err: new PlatformNetworkError('POST /a: no answer', 'ECONNRESET'),
    serverErrorAttempts: 1,
    expected: { action: 'retry' },
  },
  // rate limits: wait exactly what the platform asks
  {
    name: 'RateLimitedError with a hint',
    err: new RateLimitedError('GET /a → 429', 5000),
    random: 0.5,
    expected: { action: 'wait', delayMs: 5000 },
  },
  {
    name: 'RateLimitedError with a zero hint',
    err: new RateLimitedError('GET /a → 429', 0),
    expected: { action: 'wait', delayMs: 0 },
  },
  {
    name: 'RateLimitedError without a hint → backoff',
    err: new RateLimitedError('GET /a → 429', undefined),
    attempt: 2,
    random: 0.5,
    expected: { action: 'wait', delayMs: 500 },
  },
  {
    name: 'HTTP 429 with retryAfterMs',
    err: new PlatformHttpError(429, 'GET /a → 429', 1234),
    expected: { action: 'wait', delayMs: 1234 },
  },
  {
    name: 'HTTP 429 without a hint → backoff',
    err: new PlatformHttpError(429, 'GET /a → 429'),
    random: 0.5,
    expected: { action: 'wait', delayMs: 250 },
  },
  {
    name: 'HTTP 503 with retryAfterMs',
    err: new PlatformHttpError(503, 'GET /a → 503', 7000),
    expected: { action: 'wait', delayMs: 7000 },
  },
  {
    name: 'wait of exactly maxWaitMs is honoured',
    err: new RateLimitedError('GET /a → 429', 3_600_000),
    expected: { action: 'wait', delayMs: 3_600_000 },
  },
  {
    name: 'wait longer than maxWaitMs → dead',
    err: new RateLimitedError('GET /a → 429', 3_600_001),
    expected: { action: 'dead', code: 'rate_limit_wait_too_long' },
  },
  {
    name: 'HTTP 429 wait too long → dead',
    err: new PlatformHttpError(429, 'GET /a → 429', 86_400_000),
    expected: { action: 'dead', code: 'rate_limit_wait_too_long' },
  },
  {
    name: 'rate limit on attempt 6 → dead (waits count)',
    err: new RateLimitedError('GET /a → 429', 1000),
    attempt: 6,
    expected: { action: 'dead', code: 'retries_exhausted' },
  },
  // auth
  {
    name: 'auth expired, first time → reauth',
    err: new AuthExpiredError('GET /a → 401'),
    expected: { action: 'reauth' },
  },
  {
    name: 'auth expired after a reauth → fail',
    err: new AuthExpiredError('GET /a → 401'),
    attempt: 2,
    reauthed: true,
    expected: { action: 'fail', code: 'auth_expired' },
  },
  {
    name: 'auth rejected → fail, never retried',
    err: new AuthRejectedError('bad password'),
    expected: { action: 'fail', code: 'auth_rejected' },
  },
  // too large
  {
    name: 'too large, batch of 10 → split',
    err: new PayloadTooLargeError('POST /a → 413'),
    batchSize: 10,
    expected: { action: 'split' },
  },
  {
    name: 'too large, batch of 1 → fail',
    err: new PayloadTooLargeError('POST /a → 413'),
    batchSize: 1,
    expected: { action: 'fail', code: 'too_large' },
  },
  // non-retryable and unclassified
  {
    name: 'NonRetryableError with its code',
    err: new NonRetryableError('bad INN', 'bad_inn'),
    expected: { action: 'fail', code: 'bad_inn' },
  },
  {
    name: 'NonRetryableError default code',
    err: new NonRetryableError('contract break'),
    expected: { action: 'fail', code: 'non_retryable' },
  },
  {
    name: 'HTTP 400 as PlatformHttpError',
    err: new PlatformHttpError(400, 'POST /a → 400'),
    expected: { action: 'fail', code: 'http_400' },
  },
  {
    name: 'bare PlatformError',
    err: new PlatformError('odd'),
    expected: { action: 'fail', code: 'platform_error' },
  },
  // errors that are not ours: network-looking ones retried, the rest are bugs
  {
    name: 'fetch failed / ECONNRESET',
    err: fetchFailed(coded('read ECONNRESET', 'ECONNRESET')),
    random: 0.5,
    expected: { action: 'retry', delayMs: 250 },
  },
  {
    name: 'fetch failed / ECONNREFUSED',
    err: fetchFailed(coded('connect ECONNREFUSED', 'ECONNREFUSED')),
    expected: { action: 'retry' },
  },
  {
    name: 'terminated / UND_ERR_SOCKET',
    err: new TypeError('terminated', { cause: coded('other side closed', 'UND_ERR_SOCKET') }),
    expected: { action: 'retry' },
  },
  {
    name: 'fetch failed / AggregateError of refusals',
    err: fetchFailed(Object.assign(new AggregateError([coded('a', 'ECONNREFUSED')]), { code: undefined })),
    expected: { action: 'retry' },
  },
  {
    name: 'TimeoutError from AbortSignal.timeout',
    err: new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    expected: { action: 'retry' },
  },
  {
    name: 'TimeoutError on the last attempt → dead',
    err: new DOMException('timeout', 'TimeoutError'),
    attempt: 6,
    expected: { action: 'dead', code: 'retries_exhausted' },
  },
  {
    name: 'AbortError (run cancelled) → fail',
    err: new DOMException('This operation was aborted', 'AbortError'),
    expected: { action: 'fail', code: 'cancelled' },
  },
  { name: 'plain Error is a bug', err: new Error('boom'), expected: { action: 'fail', code: 'internal' } },
  {
    name: 'TypeError from our own code is a bug',
    err: new TypeError("Cannot read properties of undefined (reading 'id')"),
    expected: { action: 'fail', code: 'internal' },
  },
  {
    name: 'fetch failed without a network code',
    err: fetchFailed(new Error('unknown scheme')),
    expected: { action: 'fail', code: 'internal' },
  },
  { name: 'a thrown string', err: 'nope', expected: { action: 'fail', code: 'internal' } },
];

describe('decideRetry', () => {
  it.each(rows)(
    '$name',
    ({
      err,
      attempt = 1,
      reauthed = false,
      batchSize = 1,
      serverErrorAttempts,
      random = 0.5,
      pol = policy,
      expected,
    }) => {
      const decision = decideRetry(
        err,
        { attempt, reauthed, batchSize, serverErrorAttempts },
        pol,
        () => random,
      );
      expect(decision).toMatchObject(expected);
    },
  );

  it('tells a 5xx given up on from other give-ups (a split after server errors starts only then)', () => {
    const exhausted = { code: 'retries_exhausted' };
    expect(isServerErrorExhausted(exhausted, new PlatformHttpError(500, 'POST /a → 500'))).toBe(true);
    expect(isServerErrorExhausted(exhausted, new PlatformHttpError(502, 'POST /a → 502'))).toBe(true);
    expect(isServerErrorExhausted(exhausted, new PlatformNetworkError('no answer', 'ECONNRESET'))).toBe(
      false,
    );
    expect(isServerErrorExhausted(exhausted, new RateLimitedError('429', 10))).toBe(false);
    expect(isServerErrorExhausted({ code: 'http_400' }, new PlatformHttpError(500, 'x'))).toBe(false);
  });

  it('keeps the last error in the retries_exhausted message', () => {
    const d = decideRetry(
      new PlatformHttpError(502, 'POST /meters → 502: bad gateway'),
      { attempt: 6, reauthed: false, batchSize: 1 },
      policy,
    );
    expect(d).toEqual({
      action: 'dead',
      code: 'retries_exhausted',
      message: 'gave up after 6 attempts: POST /meters → 502: bad gateway',
    });
  });

  it('says how long the platform asked to wait', () => {
    const d = decideRetry(
      new RateLimitedError('GET /a → 429', 2 * 3_600_000),
      { attempt: 1, reauthed: false, batchSize: 1 },
      policy,
    );
    expect(d.action === 'dead' && d.message).toMatch(/wait 120 min, longer than the 60 min/);
  });

  it('jitter stays within [0, window) for every attempt', () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, policy, () => 0)).toBe(0);
      const high = backoffDelay(attempt, policy, () => 0.999);
      expect(high).toBeLessThan(window);
      expect(high).toBeGreaterThanOrEqual(Math.floor(window * 0.999));
    }
  });

  it('uses Math.random by default', () => {
    const d = decideRetry(
      new PlatformNetworkError('x', 'ECONNRESET'),
      { attempt: 2, reauthed: false, batchSize: 1 },
      policy,
    );
    expect(d.action).toBe('retry');
    expect(d.action === 'retry' && d.delayMs).toBeGreaterThanOrEqual(0);
    expect(d.action === 'retry' && d.delayMs).toBeLessThan(1000);
  });
});
