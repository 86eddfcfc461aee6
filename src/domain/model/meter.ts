import { z } from 'zod';
import { field } from './field.js';

/** Metered resources; the platforms' own ids and names are mapped from these in their connectors. */
export const MeterResource = z.enum([
  'cold_water',
  'hot_water',
  'electricity',
  'heat',
  'gas',
  'cold_air',
  'drainage',
  'other',
]);
export type MeterResource = z.output<typeof MeterResource>;

/** An individual meter (ИПУ) on a лицевой счёт. */
export const Meter = z.strictObject({
  id: field.key,
  accountNumber: field.accountNumber,
  serviceId: field.key.optional(),
  resource: MeterResource,
  number: field.text(100),
  tariffCount: z.int().min(1).max(4).default(1),
  place: field.text(200).optional(),
  installationDate: field.date.optional(),
  verificationDate: field.date.optional(),
  nextVerificationDate: field.date.optional(),
  commissioningDate: field.date.optional(),
  sealingDate: field.date.optional(),
  controlReadingsDate: field.date.optional(),
  /** Set when the meter is taken out of service; platforms archive it then. */
  archiveDate: field.date.optional(),
});
export type Meter = z.output<typeof Meter>;
