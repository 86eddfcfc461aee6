import type { CheckResult } from '../../../engine/connector/connector.js';
import { AuthRejectedError } from '../../../engine/policy/platform-errors.js';
import { ALL_BILLING_CONTEXTS_DOCUMENT, AllBillingContextsData } from '../contract/all-billing-contexts.js';
import { ALL_METERS_DOCUMENT } from '../contract/all-meters.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';

/** The status of a billing context that may publish (NOTES.md "Endpoint and auth"). */
const FINISHED = 'Finished';

/**
 * Logs in (when the session has no token), reads the billing context (seed 000 §"Интеграция через
 * АПИ": `context`) and one meter of the organisation (§"Получение ИПУ"): proves the credentials,
 * that the context exists, is `Finished` and belongs to the organisation, and reachability. A context
 * that cannot publish is a connection problem found here rather than by the first receipts.
 */
export async function checkDoma(ctx: DomaContext): Promise<CheckResult> {
  const { billingContextId, organizationId } = ctx.connection.settings;
  const { data } = await domaGraphql(ctx, 'allBillingIntegrationOrganizationContexts', {
    query: ALL_BILLING_CONTEXTS_DOCUMENT,
    variables: { where: { id: billingContextId }, first: 1 },
  });
  const context = AllBillingContextsData.safeParse(data).data?.objs?.[0];
  if (!context) {
    throw new AuthRejectedError(
      `Doma.ai: billing context ${billingContextId} is not there, or the service user may not see it`,
    );
  }
  if (context.status !== FINISHED) {
    throw new AuthRejectedError(
      `Doma.ai: billing context ${billingContextId} is "${context.status}": only a ${FINISHED} context may publish receipts`,
    );
  }
  if (context.organization?.id !== organizationId) {
    throw new AuthRejectedError(
      `Doma.ai: billing context ${billingContextId} belongs to organisation ${context.organization?.id}, not to ${organizationId} (settings.organizationId): receipts and meters would go to different organisations`,
    );
  }
  await domaGraphql(ctx, 'allMeters', {
    query: ALL_METERS_DOCUMENT,
    variables: { where: { organization: { id: organizationId } }, first: 1, sortBy: ['id_ASC'] },
  });
  return {
    ok: true,
    detail: `organization ${organizationId}, billing context ${billingContextId} (${FINISHED})`,
  };
}
