import { z } from 'zod';
import { field } from './field.js';

/**
 * A price of a service (or of a package, as is74 sells them). `rate` is per unit of measure; `cost`
 * is a fixed periodic price in kopecks; a tariff without either is "without cost" for is74.
 */
export const Tariff = z.strictObject({
  id: field.key,
  name: field.text(300),
  serviceId: field.key.optional(),
  rate: field.decimal.optional(),
  measure: field.text(30).optional(),
  cost: field.money.optional(),
  /** What the tariff is, for residents (is74 shows it with the tariff: seed 003 §"6. Список тарифов"). */
  description: field.text(2000).optional(),
  /** A page about the tariff (http or https). */
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  validFrom: field.date.optional(),
  validTo: field.date.optional(),
  options: z
    .array(
      z.strictObject({
        category: field.text(200).optional(),
        name: field.text(200),
        value: z.string().max(2000),
      }),
    )
    .max(100)
    .default([]),
});
export type Tariff = z.output<typeof Tariff>;
