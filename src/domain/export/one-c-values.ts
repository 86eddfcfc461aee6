import { formatMoney } from '../money.js';

/**
 * Values as 1С's «Загрузка из файла» reads them (and as `zhkh-bridge import` reads them back):
 * dates `30.11.2026`, date-times `10.11.2026 9:05:31` (local time, the hour without a leading zero,
 * as 1С writes it), money and decimals with a comma. Money comes from integer kopecks only.
 */
export const oneC = {
  /** "2026-11-30" → "30.11.2026". */
  date(ymd: string): string {
    const [y, m, d] = ymd.split('-');
    return `${d}.${m}.${y}`;
  },
  /** An instant → "DD.MM.YYYY H:MM:SS" in the time zone (IANA name). */
  instant(iso: string, timeZone: string): string {
    const p = localParts(iso, timeZone);
    return `${p.day}.${p.month}.${p.year} ${Number(p.hour)}:${p.minute}:${p.second}`;
  },
  /** 422557 → "4225,57". */
  money(kopecks: number): string {
    return formatMoney(kopecks).replace('.', ',');
  },
  /** "123.45" → "123,45". */
  decimal(value: string): string {
    return value.replace('.', ',');
  },
  /** "2026-11" → "01.11.2026": a period is a date in 1С (the month's first day). */
  period(ym: string): string {
    return `01.${ym.slice(5, 7)}.${ym.slice(0, 4)}`;
  },
};

/** The local calendar day ("YYYY-MM-DD") of an instant in a time zone. */
export function localDay(iso: string, timeZone: string): string {
  const p = localParts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

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

function localParts(iso: string, timeZone: string) {
  const ms = Date.parse(iso);
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

/** Whether a time zone name is one Intl knows (an unknown one would throw mid-export). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
