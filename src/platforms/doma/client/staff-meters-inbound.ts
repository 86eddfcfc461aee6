import type { InboundItem, InboundStream } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { ALL_METERS_DOCUMENT, DomaMeter } from '../contract/all-meters.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import { canonicalResource } from './doma-resources.js';
import type { DomaSettings } from './doma-settings.js';
import { pullWindow, type WindowPull } from './window-pull.js';

/** What happened to the meter, as far as its row tells. */
function changeOf(m: DomaMeter): 'created' | 'updated' | 'archived' | 'deleted' {
  if (m.deletedAt) return 'deleted';
  if (m.archiveDate) return 'archived';
  return m.v === 1 ? 'created' : 'updated';
}

/**
 * A meter written last by someone else than us — the УК's staff in the CRM creating or archiving
 * one (seed 000 §"ИПУ": "В CRM есть раздел, где отображаются все счетчики") — becomes an inbox item
 * of kind `meter` (the InboundMeter shape; `source` keeps the platform's whole row). Our own writes
 * carry our fingerprint and are left out. Each version of a meter is one item.
 */
async function toItem(raw: Record<string, unknown>, ctx: DomaContext): Promise<InboundItem | undefined> {
  const parsed = DomaMeter.safeParse(raw);
  // A row unlike our selection is a broken contract, not a meter to leave out quietly.
  if (!parsed.success)
    throw new NonRetryableError(
      `Doma.ai allMeters: a row unlike the selection: ${parsed.error.message}`,
      'contract_break',
    );
  const m = parsed.data;
  if (m.sender?.fingerprint === ctx.connection.settings.fingerprint) return undefined;
  const meterId = await ctx.ids.keyOf('meter', m.id);
  const sourceId = `${m.id}@${m.v ?? m.updatedAt}`;
  const payload = {
    sourceId,
    accountNumber: m.accountNumber || undefined,
    occurredAt: m.updatedAt,
    meterId,
    platformMeterId: m.id,
    change: changeOf(m),
    meterNumber: m.number,
    resource: canonicalResource(m.resource?.id),
    unitName: m.unitName ?? undefined,
    unitType: m.unitType ?? undefined,
    place: m.place ?? undefined,
    tariffCount: m.numberOfTariffs ?? undefined,
    archiveDate: m.archiveDate ? m.archiveDate.slice(0, 10) : undefined,
    source: raw,
  };
  return { kind: 'meter', sourceId, payload: JSON.parse(JSON.stringify(payload)) };
}

const spec: WindowPull = {
  what: 'allMeters',
  query: ALL_METERS_DOCUMENT,
  alias: 'objs',
  field: 'updatedAt',
  sortBy: ['updatedAt_ASC', 'id_ASC'],
  // No deletedAt filter: a meter staff deleted is news for the billing too.
  where: (from, ctx) => ({
    organization: { id: ctx.connection.settings.organizationId },
    updatedAt_gte: from,
  }),
  toItem,
};

/** seed 000 §"Получение ИПУ": meters changed since the checkpoint, oldest change first. */
export const staffMetersInbound: InboundStream<DomaSettings, DomaCredentials> = {
  name: 'meters',
  checkpointVersion: 1,
  pull: (checkpoint, ctx) => pullWindow(spec, checkpoint, ctx),
};
