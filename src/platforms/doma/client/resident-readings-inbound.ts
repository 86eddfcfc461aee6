import { parseDecimal } from '../../../domain/decimal.js';
import type { InboundItem, InboundStream } from '../../../engine/connector/connector.js';
import { ALL_METER_READINGS_DOCUMENT } from '../contract/all-meter-readings.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import type { DomaSettings } from './doma-settings.js';
import { pullWindow, type WindowPull } from './window-pull.js';

interface DomaReadingRow {
  id: string;
  date?: string | null;
  createdAt?: string | null;
  value1?: string | null;
  value2?: string | null;
  value3?: string | null;
  value4?: string | null;
  source?: { id?: string } | null;
  meter?: { id?: string; number?: string; accountNumber?: string } | null;
}

/**
 * A reading residents submitted → the inbox (kind `reading`, the InboundReading shape; `source`
 * keeps the platform's whole row). Our own readings are left out: they carry our reading source,
 * and their ids are in the id map from registerMetersReadings' answer.
 */
async function toItem(raw: Record<string, unknown>, ctx: DomaContext): Promise<InboundItem | undefined> {
  const row = raw as unknown as DomaReadingRow;
  if (row.source?.id === ctx.connection.settings.readingSourceId) return undefined;
  if (await ctx.ids.keyOf('reading', row.id)) return undefined;
  const value = (v: string | null | undefined) => {
    if (v === null || v === undefined || v === '') return undefined;
    try {
      return parseDecimal(v.replace(',', '.'), 8);
    } catch {
      return undefined; // kept in `source` as the platform sent it
    }
  };
  const payload = {
    sourceId: row.id,
    accountNumber: row.meter?.accountNumber || undefined,
    occurredAt: row.createdAt ?? undefined,
    meterNumber: row.meter?.number,
    date: row.date ? row.date.slice(0, 10) : undefined,
    value1: value(row.value1),
    value2: value(row.value2),
    value3: value(row.value3),
    value4: value(row.value4),
    source: raw,
  };
  return { kind: 'reading', sourceId: row.id, payload: JSON.parse(JSON.stringify(payload)) };
}

const spec: WindowPull = {
  what: 'allMeterReadings',
  query: ALL_METER_READINGS_DOCUMENT,
  alias: 'objs',
  field: 'createdAt',
  sortBy: ['createdAt_ASC', 'id_ASC'],
  // Our own readings carry our reading source: the platform leaves them out (toItem still checks),
  // so a pull after publishing 80,000 readings does not page through them all.
  where: (from, ctx) => ({
    organization: { id: ctx.connection.settings.organizationId },
    source: { id_not_in: [ctx.connection.settings.readingSourceId] },
    createdAt_gte: from,
    deletedAt: null,
  }),
  toItem,
};

/** seed 000 §"Получение показаний": readings created since the checkpoint, oldest first. */
export const residentReadingsInbound: InboundStream<DomaSettings, DomaCredentials> = {
  name: 'readings',
  checkpointVersion: 1,
  pull: (checkpoint, ctx) => pullWindow(spec, checkpoint, ctx),
};
