import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { Sender } from './sender.js';

/**
 * Loads meter readings, creating the meters it does not know (seed 000 §"Загрузка показаний"). Up to
 * 500 per call; per-row errors come back like receipts' (null + errors path ['result', index]).
 */
export const REGISTER_METERS_READINGS_DOCUMENT = `mutation registerMetersReadings($data: RegisterMetersReadingsInput!) {
  result: registerMetersReadings(data: $data) {
    id meter { id number accountNumber unitType unitName property { id address addressKey } }
  }
}`;

/** Meter `unitType` values (and receipts' account unit types). */
export const DomaUnitType = z.enum(['flat', 'apartment', 'parking', 'commercial', 'warehouse']);
export type DomaUnitType = z.infer<typeof DomaUnitType>;

/** Dates the platform accepts: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss.SSSZ` (offsets are refused). */
export const READING_DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/;

/** Every field is optional, but never `null`: a null here crashes the platform's request. */
export const ReadingAddressInfo = z.object({
  unitType: z.string().optional(),
  unitName: z.string().optional(),
  globalId: z.string().optional(),
});

export const MeterMeta = z.object({
  numberOfTariffs: z.number().int().min(1).max(4).optional(),
  place: z.string().optional(),
  verificationDate: z.string().regex(READING_DATE_RE).optional(),
  nextVerificationDate: z.string().regex(READING_DATE_RE).optional(),
  installationDate: z.string().regex(READING_DATE_RE).optional(),
  commissioningDate: z.string().regex(READING_DATE_RE).optional(),
  sealingDate: z.string().regex(READING_DATE_RE).optional(),
  controlReadingsDate: z.string().regex(READING_DATE_RE).optional(),
  isAutomatic: z.boolean().optional(),
  archiveDate: z.string().regex(READING_DATE_RE).optional(),
});
export type MeterMeta = z.infer<typeof MeterMeta>;

export const ReadingInput = z.object({
  address: z.string(),
  addressInfo: ReadingAddressInfo,
  accountNumber: z.string(),
  meterNumber: z.string(),
  meterResource: z.object({ id: z.string() }),
  date: z.string().regex(READING_DATE_RE),
  value1: z.string(),
  value2: z.string().optional(),
  value3: z.string().optional(),
  value4: z.string().optional(),
  meterMeta: MeterMeta.optional(),
  readingSource: z.object({ id: z.string() }).optional(),
});
export type ReadingInput = z.infer<typeof ReadingInput>;

export const RegisterMetersReadingsVariables = z.object({
  data: z.object({
    dv: z.literal(1),
    sender: Sender,
    organization: z.object({ id: z.string() }),
    readings: z.array(ReadingInput),
  }),
});
export type RegisterMetersReadingsVariables = z.infer<typeof RegisterMetersReadingsVariables>;

export const RegisteredReading = z.object({
  id: z.string(),
  meter: z.object({
    id: z.string(),
    number: z.string(),
    accountNumber: z.string(),
    unitType: z.string(),
    unitName: z.string(),
    property: z.object({ id: z.string(), address: z.string(), addressKey: z.string() }),
  }),
});
export type RegisteredReading = z.infer<typeof RegisteredReading>;

export const RegisterMetersReadingsData = z.object({
  result: z.array(RegisteredReading.nullable()).nullable(),
});
export const RegisterMetersReadingsResponse = domaResponse(RegisterMetersReadingsData);
export type RegisterMetersReadingsResponse = z.infer<typeof RegisterMetersReadingsResponse>;
