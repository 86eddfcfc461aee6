import { MONTH_NAMES } from '../month-names.js';
import { periodFromYearMonth } from '../period.js';
import { ValueError } from '../value-error.js';
import { type DateFormat, splitDate } from './parse-1c-date.js';

// «ноябрь», «ноября», «ноя», «Ноябрь 2026 г.»: the first three letters tell every month but May
// («май», «мая»), and no month's three letters start another's.
const STEMS = MONTH_NAMES.map((name) => name.slice(0, 3));
const NAMED = /^([а-яё]+)\.?\s+(\d{4})(?:\s*г(?:ода?)?\.?)?$/i;
const NUMERIC = /^(\d{1,2})[./-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})$/;

/**
 * A billing period as 1С writes it — `11.2026`, `ноябрь 2026`, `Ноябрь 2026 г.`, `01.11.2026` (the
 * first day, 1С's way of storing a month; any day of the month is taken as that month),
 * `2026-11` — as the canonical `YYYY-MM` (checked by the domain's periodFromYearMonth).
 */
export function parse1cPeriod(text: string, format?: DateFormat): string {
  const t = text.trim();
  let year: number | undefined;
  let month: number | undefined;
  const iso = ISO.exec(t);
  const numeric = NUMERIC.exec(t);
  const named = NAMED.exec(t);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
  } else if (numeric) {
    year = Number(numeric[2]);
    month = Number(numeric[1]);
  } else if (named) {
    const word = named[1]!.toLowerCase().replaceAll('ё', 'е');
    const index = word === 'мая' ? 4 : word.length >= 3 ? STEMS.indexOf(word.slice(0, 3)) : -1;
    if (index >= 0) {
      year = Number(named[2]);
      month = index + 1;
    }
  } else {
    const date = splitDate(t, format);
    if (date) {
      year = Number(date.year);
      month = Number(date.month);
    }
  }
  if (year === undefined || month === undefined) {
    throw new ValueError(
      'period_format',
      `Period "${text}" must look like 11.2026, ноябрь 2026, 01.11.2026 or 2026-11`,
    );
  }
  try {
    return periodFromYearMonth(year, month);
  } catch (err) {
    if (!(err instanceof ValueError)) throw err;
    throw new ValueError(err.code, `Period "${text}": ${err.message}`);
  }
}
