import { z } from 'zod';
import { wire } from './wire-values.js';

/** seed 001 §"Автомобили" (`Car`). */
export const Car = z.looseObject({
  Id: wire.id,
  ResidentId: wire.id,
  Brand: wire.text,
  Model: wire.text,
  Number: wire.text,
  PhoneDriver: wire.optText,
  IsTemp: wire.bool,
});
export type Car = z.output<typeof Car>;
