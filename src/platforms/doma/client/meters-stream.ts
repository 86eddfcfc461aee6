import type { Meter } from '../../../domain/model/meter.js';
import type {
  CanonicalRow,
  OutboundStream,
  RecordOutcome,
  WireRecord,
} from '../../../engine/connector/connector.js';
import { UPDATE_METER_DOCUMENT } from '../contract/update-meter.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import { domaGraphql } from './doma-graphql.js';
import { domaSender } from './doma-sender.js';
import type { DomaSettings } from './doma-settings.js';
import { findDomaMeter } from './find-doma-meter.js';

interface ArchiveWire {
  meter: Meter;
  archiveDate: string;
}

/** Today as "YYYY-MM-DD" (UTC); a function so tests and the run agree on one clock. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Only archived meters produce a record: the meter's data travels with its readings
 * (`meterMeta`), and a meter without readings does not exist on the platform. An archive date in
 * the future is deferred, not clamped — the platform ignores a future archiveDate silently
 * (NOTES.md), and archiving early would stop residents' readings before the meter is really gone.
 * The stream is not self-contained, so each run looks again and sends it once the day has come.
 */
function toWire(rows: readonly CanonicalRow[]) {
  const now = today();
  const records: WireRecord[] = [];
  for (const row of rows) {
    const meter = row.data as Meter;
    if (row.deleted || !meter.archiveDate || meter.archiveDate > now) continue;
    records.push({
      key: row.key,
      op: 'upsert',
      payload: { meter, archiveDate: meter.archiveDate } satisfies ArchiveWire,
    });
  }
  return Promise.resolve({ records });
}

/** seed 000 §"Изменение ИПУ": `updateMeter(id, { archiveDate })`, one meter per call. */
async function deliver(batch: readonly WireRecord[], ctx: DomaContext): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  for (const record of batch) {
    const { meter, archiveDate } = record.payload as ArchiveWire;
    const id = await findDomaMeter(ctx, meter);
    if (!id) {
      outcomes.push({
        status: 'rejected',
        code: 'meter_not_on_platform',
        message: `meter ${meter.number} has no readings on Doma.ai yet, so there is nothing to archive`,
      });
      continue;
    }
    await domaGraphql(ctx, 'updateMeter', {
      query: UPDATE_METER_DOCUMENT,
      variables: {
        id,
        data: { ...domaSender(ctx.connection.settings), archiveDate: `${archiveDate}T00:00:00.000Z` },
      },
    });
    outcomes.push({ status: 'ok', platformId: id });
  }
  return outcomes;
}

/** Listed after the readings stream: a meter is created on the platform by its first reading. */
export const metersStream: OutboundStream<DomaSettings, DomaCredentials> = {
  kind: 'meter',
  limits: { maxRecords: 50, maxBytes: 1024 * 1024 },
  toWire,
  deliver,
};
