// Making a DateTimeFormat costs far more than using one, and formatToParts far more than
// arithmetic: per zone, one formatter, and the zone's offset remembered per quarter of an hour
// (every zone changes its offset on a quarter-hour boundary), so an export of 100,000 rows asks
// Intl a few hundred times.
const formats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const QUARTER = 15 * 60_000;

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC, in milliseconds, at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER) * QUARTER;
  const key = `${timeZone}\u0000${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const parts = formatIn(timeZone).formatToParts(new Date(quarter));
    const p = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
    offset = Date.UTC(p('year'), p('month') - 1, p('day'), p('hour'), p('minute'), p('second')) - quarter;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The calendar fields of an instant (an ISO string or a Date) in a time zone (IANA name), two digits
 * each but the year.
 */
export function localParts(at: string | Date, timeZone: string) {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const local = new Date(ms + offsetAt(ms, timeZone));
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return {
    year: String(local.getUTCFullYear()),
    month: two(local.getUTCMonth() + 1),
    day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    second: two(local.getUTCSeconds()),
  };
}
