import type { CheckResult } from '../../../engine/connector/connector.js';
import { ALL_METERS_DOCUMENT } from '../contract/all-meters.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';

/**
 * Logs in (when the session has no token) and reads one meter of the organisation (seed 000
 * §"Получение ИПУ"): proves the credentials, the organisation id and reachability.
 */
export async function checkDoma(ctx: DomaContext): Promise<CheckResult> {
  await domaGraphql(ctx, 'allMeters', {
    query: ALL_METERS_DOCUMENT,
    variables: {
      where: { organization: { id: ctx.connection.settings.organizationId } },
      first: 1,
      sortBy: ['id_ASC'],
    },
  });
  return { ok: true, detail: `organization ${ctx.connection.settings.organizationId}` };
}
