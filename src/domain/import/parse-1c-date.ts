import { parseDate } from '../calendar-date.js';
import { ValueError } from '../value-error.js';

/**
 * A date as 1С writes it — `30.11.2026`, `30.11.2026 0:00:00`, `2026-11-30`, `2026-11-30T00:00:00` —
 * as the canonical `YYYY-MM-DD` (checked by the domain's parseDate), or null for 1С's empty date
 * (`01.01.0001`, `0001-01-01T00:00:00`): "none", the field is left out. A time part is allowed and
 * dropped: 1С writes every date with one. `format` is a mapping's `dateFormat` (e.g. `DD/MM/YYYY`),
 * tried before the built-in forms.
 */
export function parse1cDate(text: string, format?: DateFormat): string | null {
  const parts = splitDate(text, format);
  if (parts === undefined) {
    const expected = format ? `${format.source} or ` : '';
    throw new ValueError('date_format', `Date "${text}" must look like ${expected}DD.MM.YYYY or YYYY-MM-DD`);
  }
  if (parts.year === '0001') return null;
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  try {
    return parseDate(iso);
  } catch (err) {
    if (!(err instanceof ValueError)) throw err;
    // Quote the value as the file has it, not the rewritten one.
    throw new ValueError(err.code, err.message.replace(`"${iso}"`, `"${text}"`));
  }
}

export interface DateParts {
  year: string;
  month: string;
  day: string;
  /** `H:MM[:SS]` when the text has a time, else undefined. */
  time: string | undefined;
}

/** A compiled `dateFormat`: `DD`, `D`, `MM`, `M`, `YYYY` and literal separators. */
export interface DateFormat {
  source: string;
  pattern: RegExp;
  order: ('year' | 'month' | 'day')[];
}

const TOKENS: Record<string, ['year' | 'month' | 'day', string]> = {
  YYYY: ['year', String.raw`(\d{4})`],
  MM: ['month', String.raw`(\d{1,2})`],
  M: ['month', String.raw`(\d{1,2})`],
  DD: ['day', String.raw`(\d{1,2})`],
  D: ['day', String.raw`(\d{1,2})`],
};

const TIME = String.raw`(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?`;
const BUILT_IN: DateFormat[] = [compileDateFormat('DD.MM.YYYY'), compileDateFormat('YYYY-MM-DD')];

/** The date's parts in the first form that matches, or undefined. */
export function splitDate(text: string, format?: DateFormat): DateParts | undefined {
  for (const f of format ? [format, ...BUILT_IN] : BUILT_IN) {
    const m = f.pattern.exec(text);
    if (m === null) continue;
    const parts: DateParts = { year: '', month: '', day: '', time: m[4] };
    f.order.forEach((name, i) => {
      parts[name] = m[i + 1]!;
    });
    return parts;
  }
  return undefined;
}

/** Compiles `DD.MM.YYYY`-style formats; throws a ValueError naming what is wrong with one. */
export function compileDateFormat(source: string): DateFormat {
  const order: DateFormat['order'] = [];
  let pattern = '';
  for (const piece of source.match(/YYYY|MM|M|DD|D|[^YMD]+|[YMD]+/g) ?? []) {
    const token = TOKENS[piece];
    if (token) {
      order.push(token[0]);
      pattern += token[1];
    } else if (/^[YMD]+$/.test(piece)) {
      throw new ValueError(
        'date_format',
        `dateFormat "${source}": "${piece}" is not one of YYYY, MM, M, DD, D`,
      );
    } else {
      pattern += piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  if ([...new Set(order)].sort().join() !== 'day,month,year' || order.length !== 3) {
    throw new ValueError(
      'date_format',
      `dateFormat "${source}" must have a day, a month and a four-digit year once each`,
    );
  }
  return { source, pattern: new RegExp(`^${pattern}${TIME}$`), order };
}
