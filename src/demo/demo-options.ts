/** The options a demo run is made from, their defaults, and their validation. */

export interface DemoOptions {
  /** Same seed and options → the very same sequence. Default 1. */
  seed?: number;
  /** Exactly this many лицевых счетов are produced (the last house may be partial). */
  accounts: number;
  /** Billing period "YYYY-MM" the receipts, readings and payments belong to. Default "2026-10". */
  period?: string;
  /** Organisation slug. Default "demo". */
  orgId?: string;
}

export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_PERIOD = '2026-10';
export const DEFAULT_DEMO_ORG_ID = 'demo';

/** The seed as the unsigned 32-bit integer the random sources are seeded with. */
export function normaliseSeed(seed: number | undefined): number {
  const s = seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isFinite(s)) throw new RangeError(`seed ${String(seed)} is not a finite number`);
  return Math.trunc(s) >>> 0;
}

export function parsePeriodOption(period: string | undefined): {
  year: number;
  month: number;
  period: string;
} {
  const p = period ?? DEFAULT_DEMO_PERIOD;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  // Birth dates and meter installations reach ~90 years back, verifications ~16 years ahead: keep every
  // generated date inside the domain's 1900–2199 window.
  if (!m || year < 2000 || year > 2180 || month < 1 || month > 12) {
    throw new RangeError(`period "${p}" must be YYYY-MM between 2000-01 and 2180-12`);
  }
  return { year, month, period: p };
}
