import { READING_DATE_RE } from '../contract/register-meters-readings.js';

/**
 * A date of registerMetersReadings as an ISO instant, or undefined: only `YYYY-MM-DD` and
 * `YYYY-MM-DDTHH:mm:ss.SSSZ` are accepted, and the date must exist (NOTES.md).
 */
export function strictReadingDate(text: string): string | undefined {
  if (!READING_DATE_RE.test(text)) return undefined;
  const iso = text.length === 10 ? `${text}T00:00:00.000Z` : text;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== iso) return undefined;
  return iso;
}

/**
 * A date of updateMeter / meterMeta as an ISO instant: any date-time JavaScript reads, a time without
 * offset being UTC (the platform's servers run in UTC). Undefined when unreadable.
 */
export function looseDate(text: string): string | undefined {
  const withZone = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
