import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { IdFilter, listVariables } from './list-variables.js';

/**
 * The organization's houses (condo's Property): a meter created without a reading is connected to
 * one by id. `addressMeta.data.house_fias_id` is the house's ФИАС from the platform's address service.
 */
export const ALL_PROPERTIES_DOCUMENT = `query allProperties($where: PropertyWhereInput, $first: Int, $skip: Int, $sortBy: [SortPropertiesBy!]) {
  objs: allProperties(where: $where, first: $first, skip: $skip, sortBy: $sortBy) {
    id address addressKey addressMeta { data { house_fias_id } }
  }
}`;

export const PropertyWhere = z.object({ organization: IdFilter, deletedAt: z.null().optional() });
export const SortPropertiesBy = z.enum(['id_ASC', 'createdAt_ASC']);
export const AllPropertiesVariables = listVariables(PropertyWhere, SortPropertiesBy);

export const DomaProperty = z.object({
  id: z.string(),
  address: z.string().nullable(),
  addressKey: z.string().nullable(),
  addressMeta: z.object({ data: z.object({ house_fias_id: z.string().nullable().optional() }) }).nullable(),
});
export type DomaProperty = z.infer<typeof DomaProperty>;

export const AllPropertiesData = z.object({ objs: z.array(DomaProperty).nullable() });
export const AllPropertiesResponse = domaResponse(AllPropertiesData);
