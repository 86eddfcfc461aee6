import { DomaErrorType } from '../contract/doma-errors.js';
import type { MeterRec, SenderRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { looseDate, strictReadingDate } from './reading-dates.js';
import { rowError } from './reading-row-error.js';
import type { ReadingArg } from './register-readings.js';

const META_DATES = [
  'verificationDate',
  'nextVerificationDate',
  'installationDate',
  'commissioningDate',
  'sealingDate',
  'controlReadingsDate',
  'archiveDate',
] as const;

/** Meter fields from meterMeta; a write (by the caller, its sender) only when one changes. */
export function updateMeterMeta(
  store: DomaStore,
  meter: MeterRec,
  meta: ReadingArg['meterMeta'],
  i: number,
  sender: SenderRec,
): Error | undefined {
  if (!meta) return undefined;
  const patch: Partial<MeterRec> = {};
  if (typeof meta.numberOfTariffs === 'number') {
    if (!Number.isInteger(meta.numberOfTariffs) || meta.numberOfTariffs < 1 || meta.numberOfTariffs > 4) {
      return rowError(DomaErrorType.wrongNumberOfTariffs, 'Number of tariffs must be 1..4', i);
    }
    patch.numberOfTariffs = meta.numberOfTariffs;
  }
  if (typeof meta.place === 'string') patch.place = meta.place;
  if (typeof meta.isAutomatic === 'boolean') patch.isAutomatic = meta.isAutomatic;
  for (const field of META_DATES) {
    const text = meta[field];
    if (typeof text !== 'string') continue;
    const iso = strictReadingDate(text) ?? looseDate(text);
    if (!iso) return rowError(DomaErrorType.invalidDate, `Invalid ${field} "${text}"`, i);
    patch[field] = iso;
  }
  const changed = (Object.keys(patch) as Array<keyof MeterRec>).filter((k) => meter[k] !== patch[k]);
  if (changed.length === 0) return undefined;
  // The platform updates the meter with the call's dv and sender: the last writer is the caller.
  Object.assign(meter, patch, { v: meter.v + 1, updatedAt: store.nowIso(), sender });
  store.writes.meters++;
  return undefined;
}
