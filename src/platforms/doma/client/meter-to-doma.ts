import type { House } from '../../../domain/model/house.js';
import type { Meter } from '../../../domain/model/meter.js';
import type { DomaMeter } from '../contract/all-meters.js';

/** What the meters stream sends for one canonical meter (hashed: a change re-sends it). */
export interface MeterWire {
  meter: Meter;
  /** The unit and house a meter is created in when the platform does not have it. */
  house: House;
  unitName: string;
  unitType: string | undefined;
  /** The archive date once its day has come (a future one is deferred, never clamped). */
  archiveDate?: string;
}

const DATES = [
  'installationDate',
  'commissioningDate',
  'verificationDate',
  'nextVerificationDate',
  'sealingDate',
  'controlReadingsDate',
] as const;

/** A date as the platform's DateTimeUtc fields take it. */
const instant = (date: string) => `${date}T00:00:00.000Z`;

/**
 * The meter fields we keep, for createMeter / updateMeter: tariffs, place, the six dates, and the
 * archive date when due. A field we do not have is left out, so the platform's stays.
 */
export function meterFields(w: MeterWire): Record<string, unknown> {
  const out: Record<string, unknown> = { numberOfTariffs: w.meter.tariffCount };
  if (w.meter.place !== undefined) out.place = w.meter.place;
  for (const k of DATES) {
    const d = w.meter[k];
    if (d !== undefined) out[k] = instant(d);
  }
  if (w.archiveDate) out.archiveDate = instant(w.archiveDate);
  return out;
}

/** Only the fields of `meterFields` whose value on the platform differs (dates by their day). */
export function meterChanges(w: MeterWire, platform: DomaMeter): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meterFields(w))) {
    const theirs = platform[k as keyof DomaMeter];
    const same =
      typeof v === 'string' && typeof theirs === 'string' && k !== 'place'
        ? v.slice(0, 10) === theirs.slice(0, 10)
        : v === theirs;
    if (!same) changes[k] = v;
  }
  return changes;
}
