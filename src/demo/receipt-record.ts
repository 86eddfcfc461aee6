import type { DemoContext } from './demo-context.js';
import { rub } from './demo-format.js';
import type { HouseBatch } from './house-batch.js';
import type { ReceiptLines } from './receipt-lines.js';

/** The money a receipt states besides its lines, in kopecks. */
export interface ReceiptAmounts {
  balance: number;
  paid: number;
  penalty: number;
}

/**
 * The period's ЕПД, its totals exact to the kopeck like a real one's: charge = Σ line charges;
 * toPay = balance + Σ line toPay − paid + penalty.
 */
export function addReceipt(
  ctx: DemoContext,
  accountNumber: string,
  { lines, charge, netCharge }: ReceiptLines,
  { balance, paid, penalty }: ReceiptAmounts,
  out: HouseBatch,
): void {
  const toPay = balance + netCharge - paid + penalty;
  out.receipts.push({
    kind: 'receipt',
    record: {
      accountNumber,
      period: ctx.period,
      category: 'housing',
      recipient: ctx.recipient,
      toPay: rub(toPay),
      balance: rub(balance),
      paid: rub(paid),
      penalty: rub(penalty),
      charge: rub(charge),
      lines: lines.map((l) => ({
        serviceId: l.serviceId,
        name: l.name,
        charge: rub(l.charge),
        privilege: rub(l.privilege),
        recalculation: rub(l.recalculation),
        toPay: rub(l.toPay),
        volume: l.volume,
        tariff: l.tariff,
        measure: l.measure,
      })),
    },
  });
}
