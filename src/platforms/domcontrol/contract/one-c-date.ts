import { z } from 'zod';

/**
 * Dates on DomControl's wire are 1С's `YYYY-MM-DDTHH:mm:ss` without a zone (seed 002 §3, §4, §5, §6),
 * and 1С writes "no date" as its empty date (seed 002 §3 example, `date_removal`).
 */
export const ONE_C_EMPTY_DATE = '0001-01-01T00:00:00';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** A 1С date-time that exists on the calendar (the empty date included). */
export const OneCDate = z.string().refine(isOneCDate, 'must be a 1С date YYYY-MM-DDTHH:mm:ss');

export function isOneCDate(text: string): boolean {
  const m = PATTERN.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as number[];
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59) return false;
  const days = new Date(Date.UTC(2000, month!, 0)).getUTCDate(); // a leap year: Feb has 29
  if (day! < 1 || day! > days) return false;
  return month !== 2 || day !== 29 || isLeap(year!);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * A canonical date (`YYYY-MM-DD`) as 1С writes it: midnight of that day, since a date without a time
 * is the day's start in 1С. No date becomes 1С's empty date.
 */
export function toOneCDate(date: string | undefined): string {
  if (date === undefined) return ONE_C_EMPTY_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date YYYY-MM-DD`);
  return `${date}T00:00:00`;
}

/** The canonical date of a 1С date, or undefined for the empty date. */
export function fromOneCDate(text: string): string | undefined {
  return text === ONE_C_EMPTY_DATE ? undefined : text.slice(0, 10);
}
