import type { Meter } from '../../../domain/model/meter.js';
import type { Reading } from '../../../domain/model/reading.js';
import type { CanonicalRow, OutboundStream, WireRecord } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { domaLimits } from '../contract/doma-limits.js';
import { REGISTER_METERS_READINGS_DOCUMENT } from '../contract/register-meters-readings.js';
import { variablesSize } from '../contract/variables-size.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import { domaGraphql } from './doma-graphql.js';
import { domaSender } from './doma-sender.js';
import type { DomaSettings } from './doma-settings.js';
import { listOutcomes } from './list-outcomes.js';
import { loadPlaces, missingPlace } from './load-places.js';
import { readingToDoma } from './reading-to-doma.js';

/** Each reading with its meter, account, premise and house: four lookups per page. */
async function toWire(rows: readonly CanonicalRow[], ctx: DomaContext) {
  if (!ctx.records)
    throw new NonRetryableError('the engine gave no record lookup to the Doma.ai connector', 'internal');
  const live = rows.filter((r) => !r.deleted);
  const meters = (await ctx.records.get(
    'meter',
    live.map((r) => (r.data as Reading).meterId),
  )) as Map<string, Meter>;
  const places = await loadPlaces(
    ctx,
    [...meters.values()].map((m) => m.accountNumber),
  );
  const records: WireRecord[] = [];
  const rejected: Array<{ key: string; code: string; message: string }> = [];
  for (const row of live) {
    const reading = row.data as Reading;
    const meter = meters.get(reading.meterId);
    if (!meter) {
      rejected.push({
        key: row.key,
        code: 'meter_unknown',
        message: `meter "${reading.meterId}" is not in the hub`,
      });
      continue;
    }
    const place = places.get(meter.accountNumber);
    if (!place) {
      rejected.push({ key: row.key, ...missingPlace(meter.accountNumber) });
      continue;
    }
    const mapped = readingToDoma(reading, meter, place, ctx.connection.settings);
    if (mapped.ok) records.push({ key: row.key, op: 'upsert', payload: mapped.reading });
    else rejected.push({ key: row.key, code: mapped.code, message: mapped.message });
  }
  // A deleted reading stays on the platform (registerMetersReadings has no deletion). A reading the
  // billing took over from a resident comes back as a duplicate: the platform answers its own id.
  return { records, rejected };
}

/** seed 000 §"Загрузка показаний": up to 500 readings a call, per-row errors in input order. */
async function deliver(batch: readonly WireRecord[], ctx: DomaContext) {
  const { settings } = ctx.connection;
  const { data, itemErrors } = await domaGraphql(ctx, 'registerMetersReadings', {
    query: REGISTER_METERS_READINGS_DOCUMENT,
    variables: {
      data: {
        ...domaSender(settings),
        organization: { id: settings.organizationId },
        readings: batch.map((r) => r.payload),
      },
    },
  });
  return listOutcomes('registerMetersReadings', batch.length, data.result, itemErrors);
}

export const readingsStream: OutboundStream<DomaSettings, DomaCredentials> = {
  kind: 'reading',
  limits: { maxRecords: domaLimits.readingsPerCall, maxBytes: 480 * 1024 },
  // The payload is the reading, its meter, the meter's place and the settings.
  dependsOn: [
    { kind: 'meter', field: 'meterId' },
    { kind: 'account', from: 'meter', field: 'accountNumber' },
    { kind: 'premise', from: 'account', field: 'premiseId' },
    { kind: 'house', from: 'premise', field: 'houseId' },
  ],
  // A reading is refused in the hub when its meter, or the meter's account, premise or house, is not
  // there yet: sent again once it arrives (the engine's heal-refusals).
  dependencyErrors: {
    meter_unknown: ['meter'],
    address_unknown: ['meter', 'account', 'premise', 'house'],
  },
  toWire,
  sizeOf: (record) => variablesSize(record.payload),
  deliver,
};
