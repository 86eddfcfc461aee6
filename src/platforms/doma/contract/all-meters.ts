import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { IdFilter, listVariables } from './list-variables.js';

/** Lists meters (seed 000 §"Получение ИПУ"), with `where` (our filters below), `first`, `skip`, `sortBy`. */
export const ALL_METERS_DOCUMENT = `query allMeters($where: MeterWhereInput, $first: Int, $skip: Int, $sortBy: [SortMetersBy!]) {
  objs: allMeters(where: $where, first: $first, skip: $skip, sortBy: $sortBy) {
    id number accountNumber unitName unitType place numberOfTariffs isAutomatic archiveDate
    verificationDate nextVerificationDate installationDate commissioningDate sealingDate controlReadingsDate
    v createdAt updatedAt deletedAt sender { fingerprint } organization { id } property { id address addressKey } resource { id }
  }
}`;

const MeterFilter = z.object({
  id_in: z.array(z.string()).optional(),
  organization: IdFilter.optional(),
  property: IdFilter.optional(),
  resource: IdFilter.optional(),
  number: z.string().optional(),
  number_in: z.array(z.string()).optional(),
  accountNumber: z.string().optional(),
  createdAt_gt: z.string().optional(),
  updatedAt_gt: z.string().optional(),
  updatedAt_gte: z.string().optional(),
  deletedAt: z.null().optional(),
});
export const MeterWhere = MeterFilter.extend({ OR: z.array(MeterFilter).optional() });
export type MeterWhere = z.infer<typeof MeterWhere>;

export const SortMetersBy = z.enum(['id_ASC', 'id_DESC', 'number_ASC', 'createdAt_ASC', 'updatedAt_ASC']);

export const AllMetersVariables = listVariables(MeterWhere, SortMetersBy);
export type AllMetersVariables = z.infer<typeof AllMetersVariables>;

const OptDate = z.string().nullable();

export const DomaMeter = z.object({
  id: z.string(),
  number: z.string(),
  accountNumber: z.string().nullable(),
  unitName: z.string().nullable(),
  unitType: z.string().nullable(),
  place: z.string().nullable(),
  numberOfTariffs: z.number().int().nullable(),
  isAutomatic: z.boolean().nullable(),
  archiveDate: OptDate,
  verificationDate: OptDate,
  nextVerificationDate: OptDate,
  installationDate: OptDate,
  commissioningDate: OptDate,
  sealingDate: OptDate,
  controlReadingsDate: OptDate,
  v: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  /** Who changed the meter last: our fingerprint, or another (the CRM's staff, a resident app). */
  sender: z.object({ fingerprint: z.string() }).nullable(),
  organization: z.object({ id: z.string() }).nullable(),
  property: z
    .object({ id: z.string(), address: z.string().nullable(), addressKey: z.string().nullable() })
    .nullable(),
  resource: z.object({ id: z.string() }).nullable(),
});
export type DomaMeter = z.infer<typeof DomaMeter>;

export const AllMetersData = z.object({ objs: z.array(DomaMeter).nullable() });
export const AllMetersResponse = domaResponse(AllMetersData);
export type AllMetersResponse = z.infer<typeof AllMetersResponse>;
