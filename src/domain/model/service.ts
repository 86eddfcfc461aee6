import { z } from 'zod';
import { field } from './field.js';

/** A housing or utility service the billing charges for (отопление, ХВС, содержание…). */
export const Service = z.strictObject({
  id: field.key,
  name: field.text(300),
  shortName: field.text(100).optional(),
  /** Unit of measure ("м³", "кВт·ч", "Гкал", "м²"). */
  measure: field.text(30).optional(),
  /** Provider of the service when it is not the organisation itself (ИНН or name). */
  provider: field.text(300).optional(),
});
export type Service = z.output<typeof Service>;
