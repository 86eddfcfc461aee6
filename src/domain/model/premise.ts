import { z } from 'zod';
import { field } from './field.js';

export const PremiseType = z.enum(['flat', 'apartment', 'parking', 'storage', 'commercial', 'other']);
export type PremiseType = z.output<typeof PremiseType>;

/** A unit inside a house: a flat, a parking space (м/м), a storage room, a commercial unit… */
export const Premise = z.strictObject({
  id: field.key,
  houseId: field.key,
  type: PremiseType.default('flat'),
  number: field.text(50),
  /** Total area in m², exact decimal string. */
  area: field.decimal.optional(),
  cadastral: field.text(40).optional(),
  floor: z.int().min(-10).max(300).optional(),
});
export type Premise = z.output<typeof Premise>;
