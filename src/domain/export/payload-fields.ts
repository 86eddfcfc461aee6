import { parseDate } from '../calendar-date.js';
import { parseDecimal } from '../decimal.js';
import { parseMoney } from '../money.js';
import { parsePeriod } from '../period.js';

/**
 * Reads the normalised fields of an inbox payload (the shapes of `src/domain/model/inbound.ts`).
 * A field that is there but unreadable throws a FieldError naming it; an absent one is undefined.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class PayloadFields {
  private readonly p: Record<string, unknown>;
  constructor(payload: unknown) {
    this.p = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  }

  text(name: string): string | undefined {
    const v = this.p[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new FieldError(name, `${name} is ${Array.isArray(v) ? 'a list' : typeof v}, not text`);
  }

  date(name: string): string | undefined {
    const v = this.text(name);
    return v === undefined ? undefined : this.wrap(name, () => parseDate(v.slice(0, 10)));
  }

  instant(name: string): string | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new FieldError(name, `${name} "${v}" is not a date and time`);
    return new Date(t).toISOString();
  }

  /** A decimal without trailing zeros ("123.4500" → "123.45"), so equal readings compare equal. */
  decimal(name: string): string | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    const d = this.wrap(name, () => parseDecimal(v.replace(',', '.'), 8));
    return d.includes('.') ? d.replace(/0+$/, '').replace(/\.$/, '') : d;
  }

  /** Money in kopecks: an integer field (`amountKopecks`) wins over the rubles text. */
  kopecks(kopecksName: string, rublesName: string): number | undefined {
    const k = this.p[kopecksName];
    if (typeof k === 'number' && Number.isSafeInteger(k)) return k;
    const v = this.p[rublesName];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' && typeof v !== 'number')
      throw new FieldError(rublesName, `${rublesName} is ${typeof v}, not an amount`);
    return this.wrap(rublesName, () => parseMoney(v));
  }

  period(name: string): string | undefined {
    const v = this.text(name);
    return v === undefined ? undefined : this.wrap(name, () => parsePeriod(v));
  }

  private wrap<T>(name: string, read: () => T): T {
    try {
      return read();
    } catch (err) {
      throw new FieldError(name, `${name}: ${(err as Error).message}`);
    }
  }
}
