import { z } from 'zod';
import { domaResponse } from './doma-errors.js';

/**
 * The billing integration context by id (seed 000 §"Интеграция через АПИ": "context = id контекста
 * интеграции"): its status (only `Finished` may publish) and its organization.
 */
export const ALL_BILLING_CONTEXTS_DOCUMENT = `query allBillingIntegrationOrganizationContexts($where: BillingIntegrationOrganizationContextWhereInput, $first: Int) {
  objs: allBillingIntegrationOrganizationContexts(where: $where, first: $first) { id status organization { id } }
}`;

export const AllBillingContextsData = z.object({
  objs: z
    .array(
      z.object({
        id: z.string(),
        status: z.string().nullable(),
        organization: z.object({ id: z.string() }).nullable(),
      }),
    )
    .nullable(),
});
export const AllBillingContextsResponse = domaResponse(AllBillingContextsData);
