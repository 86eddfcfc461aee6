import { parseDate } from '../../../domain/calendar-date.js';
import { parseDecimal } from '../../../domain/decimal.js';
import { formatMoney, parseMoney } from '../../../domain/money.js';
import { MONTH_NAMES } from '../../../domain/month-names.js';

/** What reading one value gave: the value in the document's own format, or why it cannot be read. */
export type Read = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * A value in an optional field that cannot be read. It stands in the parsed snapshot only until the
 * client takes it out (the field is then `null`, and the value goes to the inbox as `uzhkh_invalid`).
 */
export class Unreadable {
  constructor(
    readonly value: unknown,
    readonly error: string,
  ) {}
}

const ok = (value: unknown): Read => ({ ok: true, value });
const no = (error: string): Read => ({ ok: false, error });
const quoted = (v: unknown) => JSON.stringify(v) ?? String(v);
const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** The well-formed shape: a value already in it is kept exactly as sent (a number stays a number). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * seed 001 types its values as C# types (`decimal`, `int`, `DateTime`) and a few strings with a
 * stated format (`"MM.yyyy"`, `"dd.MM.yyyy"`, `"HH:mm"`, "декабрь 2022"). Each kind is read here,
 * leniently: a value a person would read one way only (`2024-05-1T9:30`, `"12,5"`, `"5"` for an
 * int, `5.2024`) is read and written in the document's own format; one that cannot be read, or
 * could be read two ways (`05/01/2024`), is refused with the reason. One table for every field of
 * every entity (wire-values.ts builds the schemas from it).
 */
export const WIRE_READERS = {
  /** `decimal`, `double`: a JSON number or a numeric string ("12,5", "1 234.5"). */
  decimal(value: unknown): Read {
    if (isPlain(value)) return ok(value);
    try {
      return ok(parseDecimal(value as string | number, 8));
    } catch (e) {
      return no(`cannot be read as a number: ${quoted(value)} (${(e as Error).message})`);
    }
  },
  /** Money (`Sum`, `Balance`, `Commission`): rubles with at most two decimals (kopecks). */
  money(value: unknown): Read {
    try {
      const kopecks = parseMoney(value as string | number);
      if (isPlain(value)) return ok(value);
      return ok(formatMoney(kopecks));
    } catch (e) {
      return no(`cannot be read as rubles and kopecks: ${quoted(value)} (${(e as Error).message})`);
    }
  },
  /** `int`: a whole JSON number, or a string of digits. */
  int(value: unknown): Read {
    const n = typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isSafeInteger(n)) return ok(n);
    return no(`cannot be read as a whole number: ${quoted(value)}`);
  },
  /** `DateTime` → `YYYY-MM-DDTHH:mm:ss[.f][zone]`, as .NET writes it (zone-less = the platform's local time). */
  dateTime(value: unknown): Read {
    const text = typeof value === 'string' ? value.trim() : undefined;
    const parts = text === undefined ? undefined : (isoParts(text) ?? russianParts(text));
    const read = parts && dateTimeOf(parts);
    return read ?? no(`cannot be read as a date and time: ${quoted(value)}`);
  },
  /** "MM.yyyy" (`Payment.AccrualDate`); also "M.yyyy", "yyyy-MM". */
  monthYear(value: unknown): Read {
    const m = monthYearOf(value);
    return m ? ok(`${pad(m.month)}.${m.year}`) : no(`cannot be read as a month "MM.yyyy": ${quoted(value)}`);
  },
  /** "dd.MM.yyyy" (`Request.Date`); also "d.M.yyyy" and "yyyy-MM-dd", a time after it ignored. */
  dayMonthYear(value: unknown): Read {
    const text = typeof value === 'string' ? value.trim() : '';
    const parts = isoParts(text) ?? russianParts(text);
    const date = parts && calendarDate(parts.y, parts.mo, parts.d);
    if (!date) return no(`cannot be read as a date "dd.MM.yyyy": ${quoted(value)}`);
    return ok(`${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`);
  },
  /** "HH:mm" (`Request.Time`); also "H:mm", and "HH:mm:ss" at a whole minute. */
  hourMinute(value: unknown): Read {
    const m = typeof value === 'string' ? /^(\d{1,2}):(\d{2})(?::(00))?$/.exec(value.trim()) : null;
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
      return no(`cannot be read as a time "HH:mm": ${quoted(value)}`);
    return ok(`${pad(m[1]!)}:${m[2]}`);
  },
  /** A month in words ("декабрь 2022", `Payment.InsurancePeriod`); also "декабря 2022 г.", "12.2022". */
  monthNameYear(value: unknown): Read {
    const text =
      typeof value === 'string'
        ? value
            .trim()
            .toLowerCase()
            .replace(/\s*г\.?$/, '')
        : '';
    const words = /^([а-яё]+)\s+(\d{4})$/.exec(text);
    const month = words ? monthOfWord(words[1]!) : undefined;
    if (words && month) return ok(`${MONTH_NAMES[month - 1]} ${words[2]}`);
    const m = monthYearOf(value);
    if (m) return ok(`${MONTH_NAMES[m.month - 1]} ${m.year}`);
    return no(`cannot be read as a month "декабрь 2022": ${quoted(value)}`);
  },
} satisfies Record<string, (value: unknown) => Read>;
export type WireValueKind = keyof typeof WIRE_READERS;

/** .NET's `DateTime.MinValue`: how a platform writes an unset date. Read as no date. */
export function isNoDate(value: unknown): boolean {
  return typeof value === 'string' && /^0001-01-01(T00:00(:00(\.0+)?)?)?$/.test(value.trim());
}

function isPlain(value: unknown): boolean {
  return (
    (typeof value === 'number' && Number.isFinite(value) && PLAIN_NUMBER.test(String(value))) ||
    (typeof value === 'string' && PLAIN_NUMBER.test(value))
  );
}

interface Parts {
  y: string;
  mo: string;
  d: string;
  h?: string | undefined;
  mi?: string | undefined;
  s?: string | undefined;
  f?: string | undefined;
  zone?: string | undefined;
}

/** "2024-05-01T10:00:00", "2024-05-1T9:30", "2024-05-01 10:00", "2024-05-01", with a fraction and a zone. */
function isoParts(text: string): Parts | undefined {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  return m ? { y: m[1]!, mo: m[2]!, d: m[3]!, h: m[4], mi: m[5], s: m[6], f: m[7], zone: m[8] } : undefined;
}

/** "01.05.2024 9:30:00", "1.5.2024" (day first, as Russian locales write it; slashes are ambiguous). */
function russianParts(text: string): Parts | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d+)?)?)?$/.exec(text);
  return m ? { y: m[3]!, mo: m[2]!, d: m[1]!, h: m[4], mi: m[5], s: m[6], f: m[7] } : undefined;
}

function dateTimeOf(p: Parts): Read | undefined {
  const date = calendarDate(p.y, p.mo, p.d);
  const [h, mi, s] = [p.h ?? '0', p.mi ?? '0', p.s ?? '0'].map(Number) as [number, number, number];
  if (!date || h > 23 || mi > 59 || s > 59) return undefined;
  const zone =
    p.zone === undefined
      ? ''
      : p.zone.toUpperCase() === 'Z'
        ? 'Z'
        : p.zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return ok(`${date}T${pad(h)}:${pad(mi)}:${pad(s)}${p.f ?? ''}${zone}`);
}

/** "YYYY-MM-DD" when the parts name a real day (years 1900–2199, as the domain's dates). */
function calendarDate(y: string, mo: string, d: string): string | undefined {
  try {
    return parseDate(`${y}-${pad(mo)}-${pad(d)}`);
  } catch {
    return undefined;
  }
}

function monthYearOf(value: unknown): { month: number; year: string } | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  const mFirst = /^(\d{1,2})[.\-/](\d{4})$/.exec(text);
  const yFirst = /^(\d{4})-(\d{1,2})$/.exec(text);
  const [month, year] = mFirst
    ? [Number(mFirst[1]), mFirst[2]!]
    : yFirst
      ? [Number(yFirst[2]), yFirst[1]!]
      : [];
  if (month === undefined || year === undefined || month < 1 || month > 12) return undefined;
  return { month, year };
}

/** A month's number from its Russian name, nominative or genitive ("декабрь", "декабря"); else undefined. */
function monthOfWord(word: string): number | undefined {
  const genitive = (name: string) => (/[ьй]$/.test(name) ? `${name.slice(0, -1)}я` : `${name}а`);
  const i = MONTH_NAMES.findIndex((name) => word === name || word === genitive(name));
  return i < 0 ? undefined : i + 1;
}
