import { z } from 'zod';
import { OneCDate } from './one-c-date.js';
import { wireId, wireText } from './wire-fields.js';

/**
 * seed 002 §3 "Загрузка счетчиков": one meter of `counters[]`, bound to an account and a service by
 * their ids. Its dates are 1С dates; the empty date `0001-01-01T00:00:00` means none.
 */
export const WireCounter = z.object({
  id: wireId,
  name: wireText,
  type: wireText,
  account: wireId,
  service: wireId,
  date_installation: OneCDate,
  date_removal: OneCDate,
  date_verification: OneCDate,
});
export type WireCounter = z.infer<typeof WireCounter>;
