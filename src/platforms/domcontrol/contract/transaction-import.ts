import { z } from 'zod';
import { wireDate, wireId, wireMoney } from './wire-fields.js';

/**
 * seed 002 §6 "Загрузка транзакций": one movement of `transactions[]`. It carries no id of its own;
 * the service may be left out (a movement on the account as a whole).
 */
export const WireTransaction = z.object({
  account: wireId,
  date: wireDate,
  amount: wireMoney,
  service: wireId.optional(),
});
export type WireTransaction = z.infer<typeof WireTransaction>;
