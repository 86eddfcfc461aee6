import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, RetryPolicy } from '../../../src/engine/policy/retry-policy.js';

describe('RetryPolicy', () => {
  it('has the documented defaults', () => {
    expect(defaultRetryPolicy).toEqual({
      maxAttempts: 6,
      baseDelayMs: 500,
      maxDelayMs: 60_000,
      maxWaitMs: 3_600_000,
      timeoutMs: 30_000,
      concurrency: 1,
    });
  });

  it('keeps given values and fills the rest', () => {
    expect(RetryPolicy.parse({ maxAttempts: 3, concurrency: 4 })).toMatchObject({
      maxAttempts: 3,
      concurrency: 4,
      baseDelayMs: 500,
    });
  });

  it.each([
    { maxAttempts: 0 },
    { concurrency: 0 },
    { concurrency: 17 },
    { timeoutMs: 0 },
    { baseDelayMs: -1 },
    { maxDelayMs: 1.5 },
  ])('rejects %o', (input) => {
    expect(RetryPolicy.safeParse(input).success).toBe(false);
  });
});
