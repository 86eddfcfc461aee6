import { describe, expect, it } from 'vitest';
import { decideRetry } from '../../../../src/engine/policy/decide-retry.js';
import { RateLimitedError } from '../../../../src/engine/policy/platform-errors.js';
import { defaultRetryPolicy } from '../../../../src/engine/policy/retry-policy.js';
import { readGraphql } from '../../../../src/platforms/doma/client/read-graphql.js';

/** The platform's answer to a request over its complexity quota (NOTES.md "Request limits"). */
function rateLimited(resetTime: unknown, headers: Record<string, string> = {}): Response {
  const body = {
    errors: [
      {
        name: 'GQLError',
        message: 'Too many requests',
        extensions: {
          code: 'TOO_MANY_REQUESTS',
          type: 'RATE_LIMIT_EXCEEDED',
          messageInterpolation: { resetTime },
        },
      },
    ],
  };
  return new Response(JSON.stringify(body), {
    status: 400,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function failureOf(res: Response): Promise<unknown> {
  return readGraphql(res, 'registerBillingReceipts').then(
    () => undefined,
    (err: unknown) => err,
  );
}

/** How long the engine's retry policy waits for it. */
function waitOf(err: unknown): number | undefined {
  const d = decideRetry(err, { attempt: 1, reauthed: false, batchSize: 10 }, defaultRetryPolicy, () => 0.5);
  return d.action === 'wait' ? d.delayMs : undefined;
}

describe('Doma.ai rate limit as the platform answers it: HTTP 400, no data, the reset in two places', () => {
  const in40s = Date.now() + 40_000;

  it('the x-rate-limit-complexity-reset header (epoch seconds) is waited for exactly', async () => {
    const reset = Math.ceil(in40s / 1000);
    const err = await failureOf(rateLimited('garbage', { 'x-rate-limit-complexity-reset': String(reset) }));
    expect(err).toBeInstanceOf(RateLimitedError);
    const wait = waitOf(err)!;
    expect(Math.abs(wait - (reset * 1000 - Date.now()))).toBeLessThan(1000);
  });

  it.each<[string, unknown]>([
    ['an ISO instant', new Date(in40s).toISOString()],
    ['epoch seconds', Math.ceil(in40s / 1000)],
    ['epoch seconds as text', String(Math.ceil(in40s / 1000))],
    ['epoch milliseconds', in40s],
    ['seconds from now', 40],
  ])('without the header, messageInterpolation.resetTime as %s is waited for', async (_form, resetTime) => {
    const err = await failureOf(rateLimited(resetTime));
    expect(err).toBeInstanceOf(RateLimitedError);
    const wait = waitOf(err)!;
    expect(wait).toBeGreaterThan(38_000);
    expect(wait).toBeLessThanOrEqual(41_000);
  });

  it('with no reset at all it still waits (backoff), never fails the records', async () => {
    const err = await failureOf(rateLimited(undefined));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(waitOf(err)).toBeGreaterThanOrEqual(0);
  });
});
