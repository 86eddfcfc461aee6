import { parseDate } from '../calendar-date.js';
import { parsePeriod } from '../period.js';

/**
 * An export's `date`: a day `YYYY-MM-DD` or a month `YYYY-MM`, a real one (no 31.02, no month 13).
 * Returns it unchanged; a ValueError names what is wrong.
 */
export function parseExportDate(value: string): string {
  return value.length === 7 ? parsePeriod(value) : parseDate(value);
}
