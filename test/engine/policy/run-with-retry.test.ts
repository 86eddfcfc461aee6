import { describe, expect, it } from 'vitest';
import type { RetryDecision } from '../../../src/engine/policy/decide-retry.js';
import {
  AuthExpiredError,
  PayloadTooLargeError,
  PlatformNetworkError,
  RateLimitedError,
} from '../../../src/engine/policy/platform-errors.js';
import { RetryPolicy } from '../../../src/engine/policy/retry-policy.js';
import { GiveUpError, runWithRetry, SplitRequired } from '../../../src/engine/policy/run-with-retry.js';
import { rejectionOf } from '../../support/rejection-of.js';

const policy = RetryPolicy.parse({ maxAttempts: 3 });

/** A sleep that only records what it was asked to wait. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('runWithRetry', () => {
  it('retries network failures with backoff, then succeeds', async () => {
    const { delays, sleep } = recordingSleep();
    const attempts: number[] = [];
    const seen: RetryDecision['action'][] = [];
    const result = await runWithRetry(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new PlatformNetworkError('no answer', 'ECONNRESET');
        return 'ok';
      },
      { policy, reauth: () => {}, sleep, random: () => 0.5, onRetry: (d) => seen.push(d.action) },
    );
    expect(result).toBe('ok');
    expect(attempts).toEqual([1, 2, 3]);
    expect(delays).toEqual([250, 500]);
    expect(seen).toEqual(['retry', 'retry']);
  });

  it('gives up after maxAttempts with retries_exhausted', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    const last = new PlatformNetworkError('GET /a: no answer (ECONNREFUSED)', 'ECONNREFUSED');
    const err = await rejectionOf(
      runWithRetry(
        async () => {
          calls++;
          throw last;
        },
        { policy, reauth: () => {}, sleep, random: () => 0 },
      ),
    );
    expect(err).toBeInstanceOf(GiveUpError);
    const giveUp = err as GiveUpError;
    expect(giveUp.code).toBe('retries_exhausted');
    expect(giveUp.decision.action).toBe('dead');
    expect(giveUp.message).toContain('GET /a: no answer (ECONNREFUSED)');
    expect(giveUp.cause).toBe(last);
    expect(calls).toBe(3);
    expect(delays).toEqual([0, 0]);
  });

  it('re-authenticates once, then fails with auth_expired', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    let reauths = 0;
    const err = await rejectionOf(
      runWithRetry(
        async () => {
          calls++;
          throw new AuthExpiredError('GET /a → 401');
        },
        { policy, reauth: async () => void reauths++, sleep },
      ),
    );
    expect((err as GiveUpError).code).toBe('auth_expired');
    expect(calls).toBe(2);
    expect(reauths).toBe(1);
    expect(delays).toEqual([]);
  });

  it('re-authenticates and succeeds', async () => {
    let token = 'old';
    const result = await runWithRetry(
      async () => {
        if (token === 'old') throw new AuthExpiredError('GET /a → 401');
        return token;
      },
      {
        policy,
        reauth: () => {
          token = 'new';
        },
      },
    );
    expect(result).toBe('new');
  });

  it('waits exactly the Retry-After', async () => {
    const { delays, sleep } = recordingSleep();
    const result = await runWithRetry(
      async (attempt) => {
        if (attempt === 1) throw new RateLimitedError('GET /a → 429', 7000);
        return attempt;
      },
      { policy, reauth: () => {}, sleep, random: () => 0.5 },
    );
    expect(result).toBe(2);
    expect(delays).toEqual([7000]);
  });

  it('does not wait longer than maxWaitMs: dead letter at once', async () => {
    const { delays, sleep } = recordingSleep();
    const err = await rejectionOf(
      runWithRetry(
        async () => {
          throw new RateLimitedError('GET /a → 429', 86_400_000);
        },
        { policy, reauth: () => {}, sleep },
      ),
    );
    expect((err as GiveUpError).code).toBe('rate_limit_wait_too_long');
    expect((err as GiveUpError).decision.action).toBe('dead');
    expect(delays).toEqual([]);
  });

  it('hands a too-large batch up as SplitRequired, a single record as too_large', async () => {
    const tooLarge = async () => {
      throw new PayloadTooLargeError('POST /a → 413');
    };
    const split = await rejectionOf(runWithRetry(tooLarge, { policy, reauth: () => {}, batchSize: 5 }));
    expect(split).toBeInstanceOf(SplitRequired);
    expect((split as SplitRequired).decision.action).toBe('split');
    const single = await rejectionOf(runWithRetry(tooLarge, { policy, reauth: () => {} }));
    expect((single as GiveUpError).code).toBe('too_large');
  });

  it('does not retry a bug', async () => {
    let calls = 0;
    const err = await rejectionOf(
      runWithRetry(
        async () => {
          calls++;
          throw new Error('undefined is not a function');
        },
        { policy, reauth: () => {} },
      ),
    );
    expect((err as GiveUpError).code).toBe('internal');
    expect(calls).toBe(1);
  });

  it('an aborted signal stops it before the first call', async () => {
    let calls = 0;
    const err = await rejectionOf(
      runWithRetry(async () => void calls++, { policy, reauth: () => {}, signal: AbortSignal.abort() }),
    );
    expect((err as GiveUpError).code).toBe('cancelled');
    expect(calls).toBe(0);
  });

  it('an abort during the backoff sleep stops it at once (default sleep)', async () => {
    const run = new AbortController();
    let calls = 0;
    const started = Date.now();
    setTimeout(() => run.abort(), 30);
    const err = await rejectionOf(
      runWithRetry(
        async () => {
          calls++;
          throw new RateLimitedError('GET /a → 429', 60_000);
        },
        { policy, reauth: () => {}, signal: run.signal },
      ),
    );
    expect((err as GiveUpError).code).toBe('cancelled');
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an abort while a call is in flight is not retried', async () => {
    const run = new AbortController();
    let calls = 0;
    const err = await rejectionOf(
      runWithRetry(
        async () => {
          calls++;
          run.abort();
          throw new PlatformNetworkError('no answer', 'ECONNRESET');
        },
        { policy, reauth: () => {}, signal: run.signal },
      ),
    );
    expect((err as GiveUpError).code).toBe('cancelled');
    expect(calls).toBe(1);
  });
});
