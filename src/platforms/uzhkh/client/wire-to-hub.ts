import { parseDecimal } from '../../../domain/decimal.js';
import { formatMoney, parseMoney } from '../../../domain/money.js';

/**
 * The platform's values in the hub's terms, in one place. Money: `decimal` rubles on the wire
 * (`Sum`, `Balance`), positive = money the resident paid / holds; the inbox keeps the platform's
 * sign and gives both a rubles string and integer kopecks. DateTime: zone-less local time on the
 * wire; the connection's `timeZone` is attached.
 */
export const wireToHub = {
  money(value: number | string): { amount: string; kopecks: number } {
    const kopecks = parseMoney(value);
    return { amount: formatMoney(kopecks), kopecks };
  },
  decimal(value: number | string | null | undefined): string | undefined {
    if (value === null || value === undefined) return undefined;
    return parseDecimal(typeof value === 'number' ? String(value) : value.replace(',', '.'), 8);
  },
  /** "2024-05-01T10:00:00" → "2024-05-01T10:00:00+03:00"; a value with a zone is kept; junk → undefined. */
  instant(value: string | null | undefined, zone: string): string | undefined {
    if (!value) return undefined;
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.exec(value.trim());
    if (!m) return undefined;
    return `${m[1]}${m[2] ?? ''}${m[3] ?? zone}`;
  },
  date(value: string | null | undefined): string | undefined {
    const m = /^(\d{4}-\d\d-\d\d)/.exec(value ?? '');
    return m?.[1];
  },
  /** "MM.yyyy" → "yyyy-MM". */
  period(value: string | null | undefined): string | undefined {
    const m = /^(\d\d)\.(\d{4})$/.exec(value?.trim() ?? '');
    return m ? `${m[2]}-${m[1]}` : undefined;
  },
};
