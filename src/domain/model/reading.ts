import { z } from 'zod';
import { field } from './field.js';

export const ReadingSource = z.enum(['billing', 'resident', 'inspector', 'platform', 'other']);

/** A meter reading; one per meter and date. value1..value4 are tariff zones T1..T4 (T1 = day or the only one). */
export const Reading = z.strictObject({
  meterId: field.key,
  date: field.date,
  value1: field.decimal,
  value2: field.decimal.optional(),
  value3: field.decimal.optional(),
  value4: field.decimal.optional(),
  source: ReadingSource.default('billing'),
});
export type Reading = z.output<typeof Reading>;
