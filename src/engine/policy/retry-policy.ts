import { z } from 'zod';

/**
 * The one retry and limits policy of a connection. Every platform call goes through it, so no
 * connector decides on its own how hard to push a platform or how long to wait for one.
 */
export const RetryPolicy = z.object({
  /**
   * Calls made for one request before it goes to the dead letters. Rate-limit waits count too: that
   * keeps one bound on a platform that answers 429 forever (each wait is capped by `maxWaitMs`).
   */
  maxAttempts: z.int().min(1).max(100).default(6),
  /** The first backoff window; it doubles on every attempt (with full jitter, see decideRetry). */
  baseDelayMs: z.int().min(0).default(500),
  /** The cap of the exponential backoff window: a long outage is probed once a minute, not once an hour. */
  maxDelayMs: z.int().min(0).default(60_000),
  /**
   * The longest rate-limit wait we honour. A platform asking for more (a daily quota spent) sends the
   * request to the dead letters with a clear message instead of holding a worker for a day.
   */
  maxWaitMs: z.int().min(0).default(3_600_000),
  /** Per request, including reading the answer's body. */
  timeoutMs: z.int().min(1).default(30_000),
  /** In-flight requests per connection: 1 keeps us in line with the strictest platform limits. */
  concurrency: z.int().min(1).max(16).default(1),
});
export type RetryPolicy = z.output<typeof RetryPolicy>;

export const defaultRetryPolicy: RetryPolicy = RetryPolicy.parse({});
