import { z } from 'zod';
import { wireDate, wireId, wireReading } from './wire-fields.js';

/** seed 002 §4 "Загрузка показаний счетчиков": one reading of `counters[]`, zones T1..T3 as numbers. */
export const WireReading = z.object({
  date: wireDate,
  counter: wireId,
  current_data1: wireReading,
  current_data2: wireReading,
  current_data3: wireReading,
});
export type WireReading = z.infer<typeof WireReading>;
