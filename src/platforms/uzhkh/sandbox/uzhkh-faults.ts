import { z } from 'zod';

const rate = z.number().min(0).max(1);
const ms = z.number().int().nonnegative();

/** What the sandbox does wrong on purpose, and its paging. Rates are chances per platform call. */
export const UzhkhFaults = z.strictObject({
  /** 500 `error` before anything is done (every platform call). */
  errorRate: rate,
  /** Added to every platform call. */
  latencyMs: ms,
  /** `To1c/Delete` answers 500 and deletes nothing. */
  deleteErrorRate: rate,
  /** Added to `To1c/Delete` only (a slow acknowledgement: the client's timeout decides). */
  deleteLatencyMs: ms,
  /** `To1c/Delete` answers success but the record stays and is served again (a lost delete). */
  ignoreDeleteRate: rate,
  /**
   * How many change records one `To1c/Requests` answer holds at most; 0 (the default) = all waiting,
   * as the seed describes one unpaged list.
   */
  requestsLimit: z.number().int().nonnegative(),
  /** Items a `Synchronization/Download*` page holds. */
  downloadPageSize: z.number().int().positive(),
  /**
   * How DateTime values are written: `iso` ("2024-05-01T09:30:00", as .NET serialises them) or
   * `culture` ("1.5.2024 9:30:00": a platform writing dates with the Russian culture's ToString).
   */
  dateStyle: z.enum(['iso', 'culture']),
});
export type UzhkhFaults = z.infer<typeof UzhkhFaults>;

export const defaultUzhkhFaults: Readonly<UzhkhFaults> = {
  errorRate: 0,
  latencyMs: 0,
  deleteErrorRate: 0,
  deleteLatencyMs: 0,
  ignoreDeleteRate: 0,
  requestsLimit: 0,
  downloadPageSize: 200,
  dateStyle: 'iso',
};
