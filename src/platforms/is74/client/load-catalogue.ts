import { sql } from 'drizzle-orm';
import type { Service } from '../../../domain/model/service.js';
import type { Tariff } from '../../../domain/model/tariff.js';
import type { Db } from '../../../store/open-store.js';
import type { Is74ServiceView, Is74TariffView } from '../contract/catalogue-response.js';
import { fastRows } from './fast-rows.js';

/**
 * The tariffs we publish (`settings.tariffIds`, or every tariff) as seed 003 §"6. Список тарифов"
 * shows them: `cost` in kopecks, or `without_cost: true` for a tariff with no fixed price, with the
 * tariff's `description` and `link` when the billing gave them.
 */
export async function loadTariffViews(
  db: Db,
  orgId: string,
  tariffIds: readonly string[] | undefined,
): Promise<Is74TariffView[]> {
  const rows = await fastRows<{ data: unknown }>(
    db,
    sql`
    SELECT data FROM records WHERE org_id = ${orgId} AND kind = 'tariff' AND deleted_at IS NULL
      ${tariffIds ? sql`AND key IN (SELECT jsonb_array_elements_text(${JSON.stringify(tariffIds)}::jsonb))` : sql``}
    ORDER BY key`,
  );
  return rows.map((r) => {
    const t = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Tariff;
    const view: Is74TariffView = {
      id: t.id,
      name: t.name,
      services: t.serviceId ? [{ id: t.serviceId }] : [],
    };
    if (t.description !== undefined) view.description = t.description;
    if (t.cost !== undefined) view.cost = t.cost;
    else view.without_cost = true;
    if (t.link !== undefined) view.link = t.link;
    return view;
  });
}

/**
 * Services (seed 003 §"5. Список услуг"): those of the published tariffs when the connection limits
 * its tariffs, every service otherwise.
 */
export async function loadServiceViews(
  db: Db,
  orgId: string,
  tariffIds: readonly string[] | undefined,
): Promise<Is74ServiceView[]> {
  const only = tariffIds
    ? (await loadTariffViews(db, orgId, tariffIds)).flatMap((t) => t.services.map((s) => s.id))
    : undefined;
  const rows = await fastRows<{ data: unknown }>(
    db,
    sql`
    SELECT data FROM records WHERE org_id = ${orgId} AND kind = 'service' AND deleted_at IS NULL
      ${only ? sql`AND key IN (SELECT jsonb_array_elements_text(${JSON.stringify(only)}::jsonb))` : sql``}
    ORDER BY key`,
  );
  return rows.map((r) => {
    const s = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Service;
    return { id: s.id, name: s.name };
  });
}
