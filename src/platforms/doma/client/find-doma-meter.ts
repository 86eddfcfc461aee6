import type { Meter } from '../../../domain/model/meter.js';
import { ALL_METERS_DOCUMENT, AllMetersData } from '../contract/all-meters.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';
import { domaResourceId } from './doma-resources.js';

/**
 * The Doma.ai id of our meter: from the id map when we archived it before, else by number,
 * account and resource in the organisation (seed 000 §"Получение ИПУ"). Undefined when the platform
 * has no such meter yet (it is created with its first reading).
 */
export async function findDomaMeter(ctx: DomaContext, meter: Meter): Promise<string | undefined> {
  const known = await ctx.ids.platformIdOf('meter', meter.id);
  if (known) return known;
  const { data } = await domaGraphql(ctx, 'allMeters', {
    query: ALL_METERS_DOCUMENT,
    variables: {
      where: {
        organization: { id: ctx.connection.settings.organizationId },
        number: meter.number,
        accountNumber: meter.accountNumber,
        resource: { id: domaResourceId(meter.resource) },
        deletedAt: null,
      },
      first: 2,
      sortBy: ['createdAt_ASC'],
    },
  });
  return AllMetersData.safeParse(data).data?.objs?.[0]?.id;
}
