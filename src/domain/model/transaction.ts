import { z } from 'zod';
import { field } from './field.js';

/**
 * A movement on a лицевой счёт. Canonical sign follows the debt: a charge is positive (the resident
 * owes more), a payment or a reduction is negative.
 */
export const Transaction = z.strictObject({
  id: field.key,
  accountNumber: field.accountNumber,
  serviceId: field.key.optional(),
  date: field.date,
  kind: z.enum(['charge', 'payment', 'recalculation', 'penalty', 'other']),
  amount: field.money,
  comment: field.text(500).optional(),
});
export type Transaction = z.output<typeof Transaction>;
