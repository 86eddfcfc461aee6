import iconv from 'iconv-lite';
import { formatMoney } from '../money.js';
import { type RegistryPayment, registryField, registryLine } from './registry-line.js';

export type RegistryEncoding = 'windows-1251' | 'utf-8';

export interface PaymentRegistry {
  /** The payment order (платёжное поручение) all these payments reached the organisation with. */
  order: string;
  /** The transfer date, "YYYY-MM-DD". */
  transferDate: string;
  count: number;
  /** Kopecks. */
  amount: number;
  fee: number;
  /** The file's text; lines end with CRLF, as the banks' files do. */
  text: string;
}

/**
 * One bank payment registry for one payment order (domain.md "Payment registries", seed 000
 * §"Формирование реестра"): a line per payment, then
 * `=;count;Σamount;Σ(amount−fee);Σfee;order;DD-MM-YYYY`. Sums are integer kopecks, so the closing
 * line matches the lines to the kopeck.
 */
export function buildPaymentRegistry(input: {
  order: string;
  transferDate: string;
  payments: readonly RegistryPayment[];
  timeZone?: string | undefined;
}): PaymentRegistry {
  const timeZone = input.timeZone ?? 'UTC';
  const payments = [...input.payments].sort(
    (a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.accountNumber.localeCompare(b.accountNumber),
  );
  let amount = 0;
  let fee = 0;
  const lines = payments.map((p) => {
    if (!Number.isSafeInteger(p.amount) || !Number.isSafeInteger(p.fee)) {
      throw new Error(`registry ${input.order}: payment of ${p.accountNumber} is not in whole kopecks`);
    }
    amount += p.amount;
    fee += p.fee;
    return registryLine(p, timeZone);
  });
  const [y, m, d] = input.transferDate.split('-');
  const closing = [
    '=',
    String(payments.length),
    formatMoney(amount),
    formatMoney(amount - fee),
    formatMoney(fee),
    registryField(input.order),
    `${d}-${m}-${y}`,
  ].join(';');
  return {
    order: input.order,
    transferDate: input.transferDate,
    count: payments.length,
    amount,
    fee,
    text: `${[...lines, closing].join('\r\n')}\r\n`,
  };
}

/** The file's bytes: windows-1251 by default (what loaders expect), UTF-8 on request. */
export function encodeRegistry(text: string, encoding: RegistryEncoding = 'windows-1251'): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1251');
}

/** A payment order as a piece of a file name: safe in a header and on every file system. */
export function orderForFileName(order: string): string {
  return order.replace(/[^\w.-]+/g, '_') || 'no-order';
}

/** `registry_2024-11-22_350000.txt`. */
export function registryFileName(date: string, order: string): string {
  return `registry_${date}_${orderForFileName(order)}.txt`;
}
