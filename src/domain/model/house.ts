import { z } from 'zod';
import { field } from './field.js';

/** A building. `fiasGuid` is the ФИАС/ГАР HOUSEGUID/OBJECTGUID (never the versioned AOID/HOUSEID). */
export const House = z.strictObject({
  id: field.key,
  address: field.text(500),
  fiasGuid: field.fiasGuid.optional(),
  /** Subject of the Russian Federation: the two-digit code ("74") or its name. */
  region: field.text(100).optional(),
  city: field.text(200).optional(),
  street: field.text(200).optional(),
  buildingNumber: field.text(50).optional(),
  cadastral: field.text(40).optional(),
});
export type House = z.output<typeof House>;
