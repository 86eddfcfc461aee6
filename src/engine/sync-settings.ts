import { z } from 'zod';
import { RetryPolicy } from './policy/retry-policy.js';

/**
 * The engine's part of a connection's settings, under the key `sync`; everything else belongs to
 * the platform's connector. `schedule` is a cron expression (UTC) for periodic runs.
 */
export const SyncSettings = z.strictObject({
  schedule: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'a cron expression of five fields, e.g. "*/15 * * * *"')
    .optional(),
  retry: RetryPolicy.optional(),
  /** Caps the records in one request below the platform's own limit (smaller batches, smaller blasts). */
  maxBatchRecords: z.number().int().min(1).max(100_000).optional(),
});
export type SyncSettings = z.output<typeof SyncSettings>;

/** Splits stored settings into the engine's and the platform's. */
export function splitSettings(settings: Record<string, unknown>): {
  sync: unknown;
  platform: Record<string, unknown>;
} {
  const { sync, ...platform } = settings;
  return { sync: sync ?? {}, platform };
}
