import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { IdFilter, listVariables } from './list-variables.js';

/**
 * Lists readings (seed 000 §"Получение показаний"), e.g. the residents' ones created since a
 * checkpoint. `sender` and `source` tell our own readings from residents'.
 */
export const ALL_METER_READINGS_DOCUMENT = `query allMeterReadings($where: MeterReadingWhereInput, $first: Int, $skip: Int, $sortBy: [SortMeterReadingsBy!]) {
  objs: allMeterReadings(where: $where, first: $first, skip: $skip, sortBy: $sortBy) {
    id date value1 value2 value3 value4 accountNumber billingStatus createdAt
    source { id type } sender { dv fingerprint } organization { id }
    meter { id number accountNumber unitName unitType resource { id } property { id address addressKey } }
  }
}`;

export const MeterReadingWhere = z.object({
  organization: IdFilter.optional(),
  meter: z.object({ id: z.string().optional(), organization: IdFilter.optional() }).optional(),
  source: z
    .object({
      id: z.string().optional(),
      id_in: z.array(z.string()).optional(),
      id_not_in: z.array(z.string()).optional(),
    })
    .optional(),
  createdAt_gt: z.string().optional(),
  createdAt_gte: z.string().optional(),
  deletedAt: z.null().optional(),
});
export type MeterReadingWhere = z.infer<typeof MeterReadingWhere>;

export const SortMeterReadingsBy = z.enum([
  'id_ASC',
  'id_DESC',
  'date_ASC',
  'createdAt_ASC',
  'createdAt_DESC',
]);

export const AllMeterReadingsVariables = listVariables(MeterReadingWhere, SortMeterReadingsBy);
export type AllMeterReadingsVariables = z.infer<typeof AllMeterReadingsVariables>;

export const DomaMeterReading = z.object({
  id: z.string(),
  date: z.string(),
  value1: z.string().nullable(),
  value2: z.string().nullable(),
  value3: z.string().nullable(),
  value4: z.string().nullable(),
  accountNumber: z.string().nullable(),
  billingStatus: z.enum(['approved', 'declined']).nullable(),
  createdAt: z.string(),
  source: z.object({ id: z.string(), type: z.string() }).nullable(),
  sender: z.object({ dv: z.number(), fingerprint: z.string() }).nullable(),
  organization: z.object({ id: z.string() }).nullable(),
  meter: z
    .object({
      id: z.string(),
      number: z.string(),
      accountNumber: z.string().nullable(),
      unitName: z.string().nullable(),
      unitType: z.string().nullable(),
      resource: z.object({ id: z.string() }).nullable(),
      property: z
        .object({ id: z.string(), address: z.string().nullable(), addressKey: z.string().nullable() })
        .nullable(),
    })
    .nullable(),
});
export type DomaMeterReading = z.infer<typeof DomaMeterReading>;

export const AllMeterReadingsData = z.object({ objs: z.array(DomaMeterReading).nullable() });
export const AllMeterReadingsResponse = domaResponse(AllMeterReadingsData);
export type AllMeterReadingsResponse = z.infer<typeof AllMeterReadingsResponse>;
