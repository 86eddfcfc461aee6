import { formatMoney } from '../money.js';
import { localParts } from '../zoned-parts.js';

/** One payment of a bank payment registry (the Sberbank layout billing loaders read). Money in kopecks. */
export interface RegistryPayment {
  /** When the resident paid (an instant). */
  paidAt: Date;
  accountNumber: string;
  address?: string | undefined;
  fullName?: string | undefined;
  /** "YYYY-MM" when known; written as MMYYYY like the bank does. */
  period?: string | undefined;
  branch?: string | undefined;
  cashier?: string | undefined;
  extra?: string | undefined;
  amount: number;
  /** What the platform kept; `amount - fee` reached the organisation. */
  fee: number;
}

/**
 * A field may not carry the separator or a line break: a `;` in an address would shift every later
 * column for the loader, so it becomes a `,` (what an address uses anyway).
 */
export function registryField(value: string | undefined): string {
  return (value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/;/g, ',')
    .trim();
}

/** `DD-MM-YYYY` and `HH-MM-SS` of an instant in a time zone (IANA name). */
export function registryDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const p = localParts(at, timeZone);
  return {
    date: `${p.day}-${p.month}-${p.year}`,
    time: `${p.hour}-${p.minute}-${p.second}`,
  };
}

/**
 * `date;time;branch;cashier;account;ФИО;address;period;extra;amount;amount−fee;fee` — twelve fields,
 * amounts with a dot and two decimals, computed from kopecks (never floats).
 */
export function registryLine(p: RegistryPayment, timeZone: string): string {
  const { date, time } = registryDateTime(p.paidAt, timeZone);
  const period = p.period ? `${p.period.slice(5, 7)}${p.period.slice(0, 4)}` : '';
  return [
    date,
    time,
    registryField(p.branch),
    registryField(p.cashier),
    registryField(p.accountNumber),
    registryField(p.fullName),
    registryField(p.address),
    period,
    registryField(p.extra),
    formatMoney(p.amount),
    formatMoney(p.amount - p.fee),
    formatMoney(p.fee),
  ].join(';');
}
