import { formatMoney } from '../money.js';
import { localParts } from '../zoned-parts.js';

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

/** Whether a time zone name is one Intl knows (an unknown one would throw mid-export). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
