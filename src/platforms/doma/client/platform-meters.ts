import type { Meter } from '../../../domain/model/meter.js';
import { ALL_METERS_DOCUMENT, AllMetersData, type DomaMeter } from '../contract/all-meters.js';
import { domaLimits } from '../contract/doma-limits.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';
import { domaResourceId } from './doma-resources.js';

/**
 * The platform's meters of a batch of ours, by our meter id, in one `allMeters` call (seed 000
 * §"Получение ИПУ"): by the Doma.ai id the id map holds, else by number, account number and
 * resource in the organisation — a meter registerMetersReadings created with the first reading.
 * Deleted meters are left out; a meter absent from the answer is not on the platform.
 */
export async function platformMeters(
  ctx: DomaContext,
  meters: ReadonlyArray<{ meter: Meter; knownId: string | undefined }>,
): Promise<Map<string, DomaMeter>> {
  const found = new Map<string, DomaMeter>();
  if (meters.length === 0) return found;
  const ids = meters.flatMap((m) => (m.knownId ? [m.knownId] : []));
  const numbers = [...new Set(meters.filter((m) => !m.knownId).map((m) => m.meter.number))];
  const { data } = await domaGraphql(ctx, 'allMeters', {
    query: ALL_METERS_DOCUMENT,
    variables: {
      where: {
        organization: { id: ctx.connection.settings.organizationId },
        deletedAt: null,
        OR: [...(ids.length ? [{ id_in: ids }] : []), ...(numbers.length ? [{ number_in: numbers }] : [])],
      },
      first: domaLimits.listFirst,
      sortBy: ['createdAt_ASC', 'id_ASC'],
    },
  });
  const rows = AllMetersData.safeParse(data).data?.objs ?? [];
  for (const { meter, knownId } of meters) {
    const resourceId = domaResourceId(meter.resource);
    const row = knownId
      ? rows.find((r) => r.id === knownId)
      : rows.find(
          (r) =>
            r.number === meter.number &&
            r.accountNumber === meter.accountNumber &&
            r.resource?.id === resourceId,
        );
    if (row) found.set(meter.id, row);
  }
  return found;
}
