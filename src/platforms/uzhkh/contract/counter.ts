import { z } from 'zod';
import { wire } from './wire-values.js';

/**
 * seed 001 §"Прибор учёта" (`Counter`): the meter together with its latest reading (`Value1..3` at
 * `DateTimeForValue`). `CounterTypeIdentifier` should be one of COUNTER_TYPES; others are kept.
 */
export const Counter = z.looseObject({
  Id: wire.id,
  SerialNumber: wire.optText,
  Value1: wire.decimal,
  Value2: wire.optDecimal,
  Value3: wire.optDecimal,
  DateTimeForValue: wire.optDateTime,
  CounterTypeIdentifier: wire.text,
  IsPublish: wire.bool,
  FlatId: wire.id,
  TypeObject: wire.text,
  CheckDate: wire.optDateTime,
  CommissioningDate: wire.optDateTime,
});
export type Counter = z.output<typeof Counter>;
