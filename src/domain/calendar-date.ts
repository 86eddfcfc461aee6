import { ValueError } from './value-error.js';

/**
 * Calendar dates travel as "YYYY-MM-DD" strings (no time zone, no Date objects), so a due date can never
 * shift by a day because of the server's zone. The year window matches billing periods: outside 1900–2199
 * a date in housing billing is a typo.
 */

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_1C_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** 1С writes an unfilled date as the first moment of year 1. */
const EMPTY_DATE_1C = '0001-01-01T00:00:00';

/** Validates a strict "YYYY-MM-DD" that exists in the calendar (leap years included) and returns it. */
export function parseDate(input: string): string {
  const match = typeof input === 'string' ? DATE_PATTERN.exec(input) : null;
  if (match === null) {
    throw new ValueError('date_format', `Date "${String(input)}" must look like YYYY-MM-DD, e.g. 2024-01-31`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new ValueError('date_format', `Date "${input}" has year outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (month < 1 || month > 12) {
    throw new ValueError('date_format', `Date "${input}" has month outside 01–12`);
  }
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    throw new ValueError('date_format', `Date "${input}" does not exist: that month has ${lastDay} days`);
  }
  return input;
}

/**
 * Reads a 1С date-time "YYYY-MM-DDTHH:mm:ss". The 1С empty date becomes null; anything else must be a real
 * date and time and is returned unchanged.
 */
export function parseDateTime1C(input: string): string | null {
  if (input === EMPTY_DATE_1C) {
    return null;
  }
  const match = typeof input === 'string' ? DATE_TIME_1C_PATTERN.exec(input) : null;
  if (match === null) {
    throw new ValueError('date_format', `Date-time "${String(input)}" must look like YYYY-MM-DDTHH:mm:ss`);
  }
  try {
    parseDate(match[1] ?? '');
  } catch (error) {
    if (error instanceof ValueError) {
      // Re-throw quoting the whole value the caller gave, not just its date part.
      throw new ValueError('date_format', `Date-time "${input}": ${error.message}`);
    }
    throw error;
  }
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = Number(match[4]);
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw new ValueError('date_format', `Date-time "${input}" has a time outside 00:00:00–23:59:59`);
  }
  return input;
}

/** Writes a date for 1С: null → the 1С empty date, "2024-01-05" → "2024-01-05T00:00:00". */
export function toDateTime1C(date: string | null): string {
  if (date === null) {
    return EMPTY_DATE_1C;
  }
  return `${parseDate(date)}T00:00:00`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
