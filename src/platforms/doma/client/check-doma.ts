import type { CheckResult } from '../../../engine/connector/connector.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';
import { ALL_METERS } from './tmp-contract.js';

/** Logs in (when the session has no token) and reads one meter of the organisation: credentials and reachability. */
export async function checkDoma(ctx: DomaContext): Promise<CheckResult> {
  await domaGraphql(ctx, 'allMeters', {
    query: ALL_METERS,
    variables: { where: { organization: { id: ctx.connection.settings.organizationId } }, first: 1 },
  });
  return { ok: true, detail: `organization ${ctx.connection.settings.organizationId}` };
}
