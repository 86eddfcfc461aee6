import { ValueError } from '../value-error.js';
import { type DateFormat, parse1cDate, splitDate } from './parse-1c-date.js';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment as 1С writes it — `30.11.2026 14:05:00`, `30.11.2026 9:05`, `30.11.2026` (midnight) —
 * as ISO 8601 with `utcOffset` (1С writes local time without a zone; the mapping says which), or
 * null for 1С's empty date. ISO text that already carries a zone is kept as it is.
 */
export function parse1cInstant(text: string, utcOffset: string, format?: DateFormat): string | null {
  if (WITH_OFFSET.test(text)) return text;
  const date = parse1cDate(text, format);
  if (date === null) return null;
  const time = splitDate(text, format)?.time ?? '0:00:00';
  const [h = '0', m = '00', s = '00'] = time.split(':');
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) {
    throw new ValueError('date_format', `Date-time "${text}" has a time outside 0:00:00–23:59:59`);
  }
  return `${date}T${h.padStart(2, '0')}:${m}:${s}${utcOffset}`;
}
