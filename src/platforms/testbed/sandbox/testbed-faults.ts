import { z } from 'zod';
import { TESTBED_MAX_BODY_BYTES, TESTBED_MAX_ITEMS } from '../contract/testbed-paths.js';

const rate = z.number().min(0).max(1);
const ms = z.number().int().nonnegative();

/**
 * What the sandbox does wrong on purpose, and its limits. Rates are chances per faultable call
 * (`/api/items`, `/api/inbound`, `/api/inbound/ack`); one roll picks at most one fault, so the rates
 * add up (rate limit, error, reset, timeout, lost answer, in that order) and should stay ≤ 1 in sum.
 */
export const TestbedFaults = z.strictObject({
  /** 500 before anything is applied. */
  errorRate: rate,
  /** The batch is applied, then the socket is destroyed: the client must retry blind. */
  lostAnswerRate: rate,
  /** The socket is destroyed before anything is applied. */
  resetRate: rate,
  /** The call hangs `hangMs`, then the socket is destroyed (unless the client gave up first). */
  timeoutRate: rate,
  hangMs: ms,
  /** 429 with `Retry-After` and `x-rate-limit-complexity-reset` derived from `rateLimitResetMs`. */
  rateLimitRate: rate,
  rateLimitResetMs: ms,
  /** Added to every `/api` call, login included. */
  latencyMs: ms,
  /** Tokens expire this long after login; 0 = never. */
  tokenTtlMs: ms,
  /** A write request over either limit is refused whole with 413. */
  maxItems: z.number().int().positive(),
  maxBodyBytes: z.number().int().positive(),
  /** Chance that an acknowledged inbound record is queued again (same id), as a redelivering platform. */
  duplicateInboundRate: rate,
});
export type TestbedFaults = z.infer<typeof TestbedFaults>;

export const defaultTestbedFaults: Readonly<TestbedFaults> = {
  errorRate: 0,
  lostAnswerRate: 0,
  resetRate: 0,
  timeoutRate: 0,
  hangMs: 10_000,
  rateLimitRate: 0,
  rateLimitResetMs: 1000,
  latencyMs: 0,
  tokenTtlMs: 0,
  maxItems: TESTBED_MAX_ITEMS,
  maxBodyBytes: TESTBED_MAX_BODY_BYTES,
  duplicateInboundRate: 0,
};
