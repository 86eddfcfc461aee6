import { z } from 'zod';
import { field } from './field.js';

/** Сальдо of one лицевой счёт for one service on a date. Canonical sign: positive = debt, negative = prepaid. */
export const Balance = z.strictObject({
  accountNumber: field.accountNumber,
  serviceId: field.key,
  date: field.date,
  amount: field.money,
});
export type Balance = z.output<typeof Balance>;
