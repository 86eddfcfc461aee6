import type { Meter } from '../../../domain/model/meter.js';
import type {
  CanonicalRow,
  OutboundStream,
  RecordOutcome,
  WireRecord,
} from '../../../engine/connector/connector.js';
import { AuthRejectedError, NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { CREATE_METER_DOCUMENT, CreateMeterData } from '../contract/create-meter.js';
import { UPDATE_METER_DOCUMENT } from '../contract/update-meter.js';
import { domaUnitType } from './doma-address.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import { domaGraphql } from './doma-graphql.js';
import { domaResourceId } from './doma-resources.js';
import { domaSender } from './doma-sender.js';
import type { DomaSettings } from './doma-settings.js';
import { findDomaProperty } from './find-doma-property.js';
import { loadPlaces, missingPlace } from './load-places.js';
import { type MeterWire, meterChanges, meterFields } from './meter-to-doma.js';
import { platformMeters } from './platform-meters.js';

/** Today as "YYYY-MM-DD" (UTC); a function so tests and the run agree on one clock. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Every live meter with its unit and house. An archive date in the future is deferred, not clamped
 * — the platform ignores a future archiveDate silently (NOTES.md), and archiving early would stop
 * residents' readings before the meter is really gone; the stream is not self-contained, so each
 * run looks again and sends it once the day has come. A deleted meter stays on the platform.
 */
async function toWire(rows: readonly CanonicalRow[], ctx: DomaContext) {
  const live = rows.filter((r) => !r.deleted);
  const places = await loadPlaces(
    ctx,
    live.map((r) => (r.data as Meter).accountNumber),
  );
  const now = today();
  const records: WireRecord[] = [];
  const rejected: Array<{ key: string; code: string; message: string }> = [];
  for (const row of live) {
    const meter = row.data as Meter;
    if (!domaResourceId(meter.resource)) {
      rejected.push({
        key: row.key,
        code: 'resource_unmapped',
        message: `meter ${meter.id}: resource "${meter.resource}" has no Doma.ai id`,
      });
      continue;
    }
    const place = places.get(meter.accountNumber);
    if (!place) {
      rejected.push({ key: row.key, ...missingPlace(meter.accountNumber) });
      continue;
    }
    const wire: MeterWire = {
      meter,
      house: place.house,
      unitName: place.premise.number,
      unitType: domaUnitType(place.premise.type),
      ...(meter.archiveDate && meter.archiveDate <= now ? { archiveDate: meter.archiveDate } : {}),
    };
    records.push({ key: row.key, op: 'upsert', payload: wire });
  }
  return { records, rejected };
}

/**
 * A batch of meters: one `allMeters` call finds those the platform has (seed 000 §"Получение ИПУ");
 * each of them gets `updateMeter` with the fields that differ (§"Изменение ИПУ"), none when nothing
 * does. A meter the platform lacks — one without readings, as the readings stream creates the others
 * — is created with `createMeter` in its house (a Property of the organisation); one archived before
 * it ever reached the platform is left alone.
 */
async function deliver(batch: readonly WireRecord[], ctx: DomaContext): Promise<RecordOutcome[]> {
  const wires = batch.map((r) => r.payload as MeterWire);
  const known = await Promise.all(wires.map((w) => ctx.ids.platformIdOf('meter', w.meter.id)));
  const found = await platformMeters(
    ctx,
    wires.map((w, i) => ({ meter: w.meter, knownId: known[i] })),
  );
  const outcomes: RecordOutcome[] = [];
  for (const w of wires) {
    const platform = found.get(w.meter.id);
    try {
      if (platform) {
        const changes = meterChanges(w, platform);
        if (Object.keys(changes).length > 0) await update(ctx, platform.id, changes);
        outcomes.push({ status: 'ok', platformId: platform.id });
      } else if (w.archiveDate) {
        outcomes.push({ status: 'ok' });
      } else {
        outcomes.push(await create(ctx, w));
      }
    } catch (err) {
      // The platform refused this meter (its model's rules, or a meter we may no longer see).
      if (!(err instanceof NonRetryableError || err instanceof AuthRejectedError)) throw err;
      const code = err instanceof NonRetryableError ? err.code : 'meter_not_visible';
      outcomes.push({ status: 'rejected', code, message: err.message });
    }
  }
  return outcomes;
}

async function update(ctx: DomaContext, id: string, changes: Record<string, unknown>): Promise<void> {
  await domaGraphql(ctx, 'updateMeter', {
    query: UPDATE_METER_DOCUMENT,
    variables: { id, data: { ...domaSender(ctx.connection.settings), ...changes } },
  });
}

async function create(ctx: DomaContext, w: MeterWire): Promise<RecordOutcome> {
  const { settings } = ctx.connection;
  const propertyId = await findDomaProperty(ctx, w.house);
  if (!propertyId) {
    return {
      status: 'rejected',
      code: 'property_not_found',
      message: `meter ${w.meter.number}: Doma.ai has no house matching «${w.house.address}» in organisation ${settings.organizationId} (add it there, or map house ${w.house.id} in settings.propertyIds)`,
    };
  }
  const { data } = await domaGraphql(ctx, 'createMeter', {
    query: CREATE_METER_DOCUMENT,
    variables: {
      data: {
        ...domaSender(settings),
        organization: { connect: { id: settings.organizationId } },
        property: { connect: { id: propertyId } },
        resource: { connect: { id: domaResourceId(w.meter.resource) } },
        number: w.meter.number,
        accountNumber: w.meter.accountNumber,
        unitName: w.unitName,
        ...(w.unitType ? { unitType: w.unitType } : {}),
        ...meterFields(w),
      },
    },
  });
  const id = CreateMeterData.safeParse(data).data?.result?.id;
  if (!id) return { status: 'rejected', code: 'no_result', message: 'createMeter answered no id' };
  return { status: 'ok', platformId: id };
}

/**
 * Listed after the readings stream: a meter with readings is created by its first reading (with its
 * address resolved by the platform), so this stream creates only those without any, and keeps the
 * fields of all of them (tariffs, place, dates, archive) in step.
 */
export const metersStream: OutboundStream<DomaSettings, DomaCredentials> = {
  kind: 'meter',
  limits: { maxRecords: 100, maxBytes: 1024 * 1024 },
  // A meter whose account, premise or house is not in the hub yet is sent once it arrives; one
  // whose house is not a Property of the organisation yet is tried again once receipts (which
  // register the house) or houses moved.
  dependencyErrors: {
    address_unknown: ['account', 'premise', 'house'],
    property_not_found: ['receipt', 'house'],
  },
  toWire,
  deliver,
};
