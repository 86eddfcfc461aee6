import type { DemoContext } from './demo-context.js';
import { rub } from './demo-format.js';
import type { HouseBatch } from './house-batch.js';
import type { RandomSource } from './random-source.js';
import type { ReceiptLines } from './receipt-lines.js';

/** Services an opening balance is spread over: the big ones of a ЕПД. */
const BALANCE_SERVICES = ['sod', 'otop', 'hvs', 'gvs_te', 'el', 'kapr', 'vo'];

/** An account's debt at the period start; it also decides how likely the account is to pay. */
export interface OpeningBalance {
  /** Last period's bill, in kopecks. */
  prevBill: number;
  /** Months of bills the balance amounts to (0 for overpaid or settled accounts). */
  months: number;
  /** Balance at the period start in kopecks, positive for a debt. */
  balance: number;
  payChance: number;
}

/**
 * Draws the balance at the period start — mostly last month's bill, sometimes an overpayment or a
 * debt of months or years — and adds it as balance records spread over a few services in proportion
 * to their charges.
 */
export function addOpeningBalance(
  ctx: DemoContext,
  rng: RandomSource,
  accountNumber: string,
  { lines, netCharge }: ReceiptLines,
  out: HouseBatch,
): OpeningBalance {
  const prevBill = Math.round(netCharge * rng.float(0.85, 1.05));
  const u = rng.next();
  let months = 1;
  let balance: number;
  let payChance: number;
  if (u < 0.04) {
    months = 0;
    balance = -Math.round(prevBill * rng.float(0.1, 1));
    payChance = 0.4;
  } else if (u < 0.1) {
    months = 0;
    balance = 0;
    payChance = 0.4;
  } else if (u < 0.88) {
    balance = prevBill;
    payChance = 0.8;
  } else if (u < 0.97) {
    months = rng.int(2, 6);
    balance = Math.round(prevBill * months * rng.float(0.9, 1));
    payChance = 0.45;
  } else {
    months = rng.int(7, 36);
    balance = Math.round(prevBill * months * rng.float(0.8, 1));
    payChance = 0.1;
  }
  const balanceServices = rng.sample(BALANCE_SERVICES, rng.int(3, 5));
  const weights = balanceServices.map((id) => {
    let w = 0;
    for (const l of lines) if (l.serviceId === id) w += Math.max(0, l.toPay);
    return w;
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  // The first service takes the remainder, so that the parts add up to the balance exactly.
  const parts = balanceServices.map((_, i) => {
    if (i === 0) return 0;
    const part = weightSum > 0 ? Math.trunc((balance * (weights[i] ?? 0)) / weightSum) : 0;
    assigned += part;
    return part;
  });
  parts[0] = balance - assigned;
  balanceServices.forEach((serviceId, i) => {
    out.balances.push({
      kind: 'balance',
      record: { accountNumber, serviceId, date: ctx.periodStart, amount: rub(parts[i] ?? 0) },
    });
  });
  return { prevBill, months, balance, payChance };
}
