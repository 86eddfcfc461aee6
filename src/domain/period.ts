import { ValueError } from './value-error.js';

/**
 * A billing period is a calendar month written "YYYY-MM". The year window is deliberately narrow: anything
 * outside 1900–2199 in housing billing is a typo, not data.
 */

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const PERIOD_PATTERN = /^(\d{4})-(\d{2})$/;

/** Validates a "YYYY-MM" period and returns it unchanged. Nothing else (no day, no spaces) is accepted. */
export function parsePeriod(input: string): string {
  const match = typeof input === 'string' ? PERIOD_PATTERN.exec(input) : null;
  if (match === null) {
    throw new ValueError('period_format', `Period "${String(input)}" must look like YYYY-MM, e.g. 2024-01`);
  }
  checkYearMonth(Number(match[1]), Number(match[2]), input);
  return input;
}

/** Builds "YYYY-MM" from numbers: (2024, 1) → "2024-01". */
export function periodFromYearMonth(year: number, month: number): string {
  checkYearMonth(year, month, `${String(year)}-${String(month)}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Splits a period into numbers: "2024-01" → { year: 2024, month: 1 }. */
export function periodYearMonth(period: string): { year: number; month: number } {
  const valid = parsePeriod(period);
  return { year: Number(valid.slice(0, 4)), month: Number(valid.slice(5, 7)) };
}

/** The month after: "2024-12" → "2025-01". */
export function nextPeriod(period: string): string {
  const { year, month } = periodYearMonth(period);
  return month === 12 ? periodFromYearMonth(year + 1, 1) : periodFromYearMonth(year, month + 1);
}

/** The month before: "2024-01" → "2023-12". */
export function prevPeriod(period: string): string {
  const { year, month } = periodYearMonth(period);
  return month === 1 ? periodFromYearMonth(year - 1, 12) : periodFromYearMonth(year, month - 1);
}

/** The first calendar day of the period: "2024-01" → "2024-01-01". */
export function periodFirstDay(period: string): string {
  return `${parsePeriod(period)}-01`;
}

/** is74 writes periods as "MM-YY": "2024-01" → "01-24". */
export function periodToMMYY(period: string): string {
  const valid = parsePeriod(period);
  return `${valid.slice(5, 7)}-${valid.slice(2, 4)}`;
}

/** ГОСТ Р 56042-2014 QR field PaymPeriod is "MMYYYY": "2024-01" → "012024". */
export function periodToMMYYYY(period: string): string {
  const valid = parsePeriod(period);
  return `${valid.slice(5, 7)}${valid.slice(0, 4)}`;
}

function checkYearMonth(year: number, month: number, shown: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new ValueError('period_format', `Period "${shown}" has year outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new ValueError('period_format', `Period "${shown}" has month outside 01–12`);
  }
}
