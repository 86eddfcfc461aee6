import type { DemoContext } from './demo-context.js';
import { rub } from './demo-format.js';
import type { HouseBatch } from './house-batch.js';
import type { PaymentMade } from './payment-record.js';
import type { ReceiptLines } from './receipt-lines.js';

/**
 * The account's ledger for the period — charge, net privileges and recalculations, penalty, payment —
 * so that Σ amounts = receipt toPay − opening balance. Zero entries are left out.
 */
export function addTransactions(
  ctx: DemoContext,
  accountNumber: string,
  { charge, privilegeTotal, recalcTotal }: ReceiptLines,
  penalty: number,
  { paid, paidOn, channel }: PaymentMade,
  out: HouseBatch,
): void {
  const txBase = `tx-${ctx.period}-${accountNumber}`;
  out.transactions.push({
    kind: 'transaction',
    record: {
      id: `${txBase}-charge`,
      accountNumber,
      date: ctx.periodEnd,
      kind: 'charge',
      amount: rub(charge),
      comment: `Начисление за ${ctx.monthName} ${ctx.year}`,
    },
  });
  if (recalcTotal - privilegeTotal !== 0) {
    out.transactions.push({
      kind: 'transaction',
      record: {
        id: `${txBase}-recalc`,
        accountNumber,
        date: ctx.periodEnd,
        kind: 'recalculation',
        amount: rub(recalcTotal - privilegeTotal),
        comment: privilegeTotal > 0 ? 'Льготы и перерасчёты' : 'Перерасчёт',
      },
    });
  }
  if (penalty > 0) {
    out.transactions.push({
      kind: 'transaction',
      record: {
        id: `${txBase}-penalty`,
        accountNumber,
        date: ctx.periodEnd,
        kind: 'penalty',
        amount: rub(penalty),
        comment: 'Пени за просрочку оплаты',
      },
    });
  }
  if (paid > 0) {
    out.transactions.push({
      kind: 'transaction',
      record: {
        id: `${txBase}-payment`,
        accountNumber,
        date: paidOn,
        kind: 'payment',
        amount: rub(-paid),
        comment: `Оплата: ${channel}`,
      },
    });
  }
}
