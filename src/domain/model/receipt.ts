import { z } from 'zod';
import { Recipient } from './bank-details.js';
import { field } from './field.js';

/** One service line of a receipt (ЕПД section 3). Money in kopecks, volume and tariff exact decimals. */
export const ReceiptLine = z.strictObject({
  serviceId: field.key,
  name: field.text(300),
  charge: field.money.default(0),
  privilege: field.money.default(0),
  recalculation: field.money.default(0),
  /** Why the charge was recalculated (ЕПД section 5: recalculations with their grounds). */
  recalculationReason: field.text(300).optional(),
  toPay: field.money,
  volume: field.decimal.optional(),
  tariff: field.decimal.optional(),
  measure: field.text(30).optional(),
});
export type ReceiptLine = z.output<typeof ReceiptLine>;

/**
 * A receipt for one лицевой счёт, one period and one category (housing, capital repair, …): the
 * unit every platform publishes. `balance` is the debt at the period start (canonical sign: positive
 * = the resident owes).
 */
export const Receipt = z.strictObject({
  accountNumber: field.accountNumber,
  period: field.period,
  category: field.text(100).default('housing'),
  recipient: Recipient,
  toPay: field.money,
  balance: field.money.optional(),
  paid: field.money.optional(),
  penalty: field.money.optional(),
  charge: field.money.optional(),
  /** Receipt-level privileges and recalculations (Doma.ai's toPayDetails has both). */
  privilege: field.money.optional(),
  recalculation: field.money.optional(),
  lines: z.array(ReceiptLine).max(200).default([]),
  raw: field.raw.optional(),
});
export type Receipt = z.output<typeof Receipt>;
