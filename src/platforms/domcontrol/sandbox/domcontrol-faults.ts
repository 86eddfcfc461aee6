import { z } from 'zod';

const rate = z.number().min(0).max(1);
const ms = z.number().int().nonnegative();

/**
 * What the sandbox does wrong on purpose, for the import calls only (admin routes never fault).
 * One seeded roll per call picks at most one of the rate faults (rate limit first, then error).
 */
export const DomcontrolFaults = z.strictObject({
  /** 500 before anything is imported. */
  errorRate: rate,
  /** 429 with `Retry-After` (rounded up to seconds) before anything is imported. */
  rateLimitRate: rate,
  rateLimitResetMs: ms,
  /** Added to every import call. */
  latencyMs: ms,
  /** The next `count` import calls answer `status` (500, 502, 503, 429…) and import nothing. */
  failNext: z.strictObject({
    count: z.number().int().nonnegative(),
    status: z.number().int().min(400).max(599),
  }),
  /** A body over this many bytes is refused with 413. */
  maxBodyBytes: z.number().int().positive(),
  /**
   * A platform whose importer fails on a value ("400–500 Ошибка при импорте"): a request holding an
   * item whose id — for readings the counter, for balances and transactions the account — is listed
   * answers 500 and imports nothing, however often it is sent. The rest of the checks come first.
   */
  crashOn: z.array(z.string()),
  /** Every import call answers 500 and imports nothing (the platform is down). */
  outage: z.boolean(),
});
export type DomcontrolFaults = z.infer<typeof DomcontrolFaults>;

export const defaultDomcontrolFaults: Readonly<DomcontrolFaults> = {
  errorRate: 0,
  rateLimitRate: 0,
  rateLimitResetMs: 1000,
  latencyMs: 0,
  failNext: { count: 0, status: 500 },
  maxBodyBytes: 64 * 1024 * 1024,
  crashOn: [],
  outage: false,
};

/** Applies a partial change and validates the result (throws a ZodError on a bad value). */
export function mergeDomcontrolFaults(
  base: DomcontrolFaults,
  patch: Partial<DomcontrolFaults>,
): DomcontrolFaults {
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(patch)) if (value !== undefined) merged[name] = value;
  return DomcontrolFaults.parse(merged);
}
