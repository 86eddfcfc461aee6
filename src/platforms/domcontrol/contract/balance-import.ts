import { z } from 'zod';
import { wireDate, wireId, wireMoney } from './wire-fields.js';

/** seed 002 §5 "Загрузка сальдо": one balance of `balances[]` (account × service × date). */
export const WireBalance = z.object({
  account: wireId,
  service: wireId,
  date: wireDate,
  amount: wireMoney,
});
export type WireBalance = z.infer<typeof WireBalance>;
