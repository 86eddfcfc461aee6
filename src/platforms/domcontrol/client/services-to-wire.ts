import type { Service } from '../../../domain/model/service.js';
import type { CanonicalRow, WireRecord } from '../../../engine/connector/connector.js';
import { getOrg } from '../../../store/org-store.js';
import type { DomcontrolContext } from './domcontrol-context.js';
import { mapService } from './map-service.js';

type Rejected = { key: string; code: string; message: string };

/**
 * seed 002 §1 names the organization of every service: a service's provider, else the name the
 * connection gives (`settings.organization`), else the organisation's own name — read once a page,
 * so services are not self-contained: a renamed organisation re-sends its services. A service with
 * none of these (a context without the store) is refused rather than sent with an empty name.
 */
export async function servicesToWire(
  rows: readonly CanonicalRow[],
  ctx: DomcontrolContext,
): Promise<{ records: WireRecord[]; rejected: Rejected[] }> {
  const live = rows.filter((r) => !r.deleted);
  const own =
    ctx.connection.settings.organization ||
    (ctx.db ? (await getOrg(ctx.db, ctx.connection.orgId))?.name : '');
  const records: WireRecord[] = [];
  const rejected: Rejected[] = [];
  for (const row of live) {
    const service = row.data as Service;
    const organization = service.provider ?? own;
    if (organization)
      records.push({ key: row.key, op: 'upsert', payload: mapService(service, organization) });
    else
      rejected.push({
        key: row.key,
        code: 'organization_missing',
        message: `service ${service.id} has no provider and the organisation's name is unknown; DomControl's services import names an organization for each`,
      });
  }
  return { records, rejected };
}
