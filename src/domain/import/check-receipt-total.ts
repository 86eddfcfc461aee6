import { formatMoney, parseMoney } from '../money.js';
import type { LocatedError } from './mapped-record.js';

type Obj = Record<string, unknown>;

/**
 * A receipt assembled from one row per service line must add up, like the ЕПД it is printed as:
 * toPay = Σ lines' toPay + balance − paid + penalty (the canonical rule the demo data follows too).
 * 1С rounds each line to the kopeck and sums the rounded lines, so the check is exact — a kopeck
 * off means a line is missing or the total is another figure (the period's charges without the
 * debt, say), and publishing it would show residents a sum their lines do not explain.
 * A receipt without a total gets the computed one; a missing `charge` becomes Σ lines' charge.
 * Returns the refusal, or undefined. Amounts are the canonical strings parseCell made.
 */
export function checkReceiptTotal(
  receipt: Obj,
  lines: readonly Obj[],
  totalColumn: string | undefined,
): LocatedError | undefined {
  const k = (v: unknown) => (v === undefined ? 0 : parseMoney(v as string));
  if (lines.some((l) => l.toPay === undefined)) return undefined; // the schema names the line
  const sum = lines.reduce((s, l) => s + k(l.toPay), 0);
  const expected = sum + k(receipt.balance) - k(receipt.paid) + k(receipt.penalty);
  if (receipt.charge === undefined && lines.length > 0 && lines.every((l) => l.charge !== undefined)) {
    receipt.charge = formatMoney(lines.reduce((s, l) => s + k(l.charge), 0));
  }
  if (receipt.toPay === undefined) {
    receipt.toPay = formatMoney(expected);
    return undefined;
  }
  const total = k(receipt.toPay);
  if (total === expected) return undefined;
  const parts = [`lines ${formatMoney(sum)}`];
  if (receipt.balance !== undefined) parts.push(`+ balance ${formatMoney(k(receipt.balance))}`);
  if (receipt.paid !== undefined) parts.push(`− paid ${formatMoney(k(receipt.paid))}`);
  if (receipt.penalty !== undefined) parts.push(`+ penalty ${formatMoney(k(receipt.penalty))}`);
  return {
    code: 'receipt_total_mismatch',
    path: 'toPay',
    column: totalColumn,
    message: `the total ${formatMoney(total)} is not what the ${lines.length} lines add up to: ${parts.join(' ')} = ${formatMoney(expected)} (off by ${formatMoney(total - expected)})`,
  };
}
