import { z } from 'zod';
import { wireDate, wireId, wireMoney } from './wire-fields.js';

/**
 * seed 002 §6 "Загрузка транзакций": one movement of `transactions[]`. It carries no id of its own;
 * the document lists `service` with it (and its example has one), so it is required.
 */
export const WireTransaction = z.object({
  account: wireId,
  date: wireDate,
  amount: wireMoney,
  service: wireId,
});
export type WireTransaction = z.infer<typeof WireTransaction>;
