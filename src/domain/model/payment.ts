import { z } from 'zod';
import { field } from './field.js';

/** A payment by a resident, as the billing recorded it or as a platform reported it. */
export const Payment = z.strictObject({
  id: field.key,
  accountNumber: field.accountNumber,
  paidAt: field.instant,
  amount: field.money,
  /** What the bank kept; `amount - fee` reached the organisation. */
  fee: field.money.optional(),
  /** The period the payment is for (usually the previous month's receipt), not when it was made. */
  period: field.period.optional(),
  category: field.text(100).optional(),
  channel: field.text(100).optional(),
  /** The payment order or registry the payment arrived in. */
  document: field.text(200).optional(),
});
export type Payment = z.output<typeof Payment>;
