/** `2026-12-07 21:35:47.123456+00`: how PostgreSQL and PGlite print a timestamptz in a UTC session. */
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamp read from the store, as ISO 8601 in UTC with milliseconds (what `toISOString` gives).
 * The stores answer timestamps as text; `new Date(text)` takes that form through V8's slow legacy
 * parser, which cost 2% of the hub's thread under `bench api` (a page of 100 is 100 of them). The
 * common UTC form is rewritten directly (fractions cut to milliseconds, as Date does); anything
 * else — another zone, a `Date`, a year past 9999 — goes through Date as before.
 */
export function storedTime(value: string | Date): string;
/** A timestamp column that may be empty: `NULL` stays `null`. */
export function storedTime(value: string | Date | null | undefined): string | null;
export function storedTime(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const m = UTC_TEXT.exec(value);
    if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  }
  return new Date(value).toISOString();
}
