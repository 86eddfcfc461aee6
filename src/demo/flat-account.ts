import type { DemoContext } from './demo-context.js';
import { dec, ymd } from './demo-format.js';
import { elsFor } from './els-number.js';
import type { HouseBatch } from './house-batch.js';
import { household } from './household.js';
import { addIs74Contract } from './is74-contract.js';
import { addMeterRecords } from './meter-records.js';
import { addOpeningBalance } from './opening-balance.js';
import { addPayment } from './payment-record.js';
import { addTransactions } from './period-transactions.js';
import type { HouseState } from './plan-house.js';
import { planMeters } from './plan-meters.js';
import { receiptLines } from './receipt-lines.js';
import { addReceipt } from './receipt-record.js';

/**
 * Everything about one flat's лицевой счёт: the account and its household, meters and readings, the
 * opening balance, a payment, the receipt, the period's ledger and maybe an is74 contract. The steps
 * draw from the house's random stream in this fixed order: reordering them changes all later data.
 */
export function addFlatAccount(
  ctx: DemoContext,
  house: HouseState,
  flatNumber: number,
  premiseId: string,
  area10: number,
  accountIndex: number,
  out: HouseBatch,
): void {
  const rng = house.rng;
  const accountNumber = `${house.accountPrefix}${String(flatNumber).padStart(4, '0')}`;
  const hh = household(rng, ctx, house, accountNumber);

  const els = rng.chance(0.65) ? elsFor(ctx, house.city, accountIndex) : undefined;
  const opened = Math.max(house.built, ctx.year - rng.int(0, 30));
  const openedOn = ymd(Math.min(opened, ctx.year - 1), rng.int(1, 12), rng.int(1, 28));
  out.accounts.push({
    kind: 'account',
    record: {
      number: accountNumber,
      ...(els ? { els } : {}),
      premiseId,
      ownerName: hh.ownerName,
      ownerType: hh.ownerType,
      state: 'open',
      openedOn,
      area: dec(area10, 1),
      residentsCount: hh.residents,
      persons: hh.persons,
      phones: hh.phones,
      emails: hh.emails,
    },
  });

  const meters = planMeters(house, hh, area10);
  addMeterRecords(ctx, rng, accountNumber, accountIndex, meters, out);
  const lines = receiptLines(house, hh, area10, meters);
  const opening = addOpeningBalance(ctx, rng, accountNumber, lines, out);
  // Пени only on debt older than a month.
  const { balance, prevBill, months } = opening;
  const penalty = months >= 2 ? Math.round((balance - prevBill) * rng.float(0.012, 0.02)) : 0;
  const payment = addPayment(ctx, rng, house.city, accountNumber, opening, lines.netCharge, out);
  addReceipt(ctx, accountNumber, lines, { balance, paid: payment.paid, penalty }, out);
  addTransactions(ctx, accountNumber, lines, penalty, payment, out);
  addIs74Contract(rng, accountNumber, flatNumber, months, out);
}
