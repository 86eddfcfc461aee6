import { DomaReadingSource } from '../contract/meter-reading-sources.js';
import type { MeterRec, OrganizationRec, ReadingRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import type { ReadingArg } from './register-readings.js';

/** Values compared as numbers: "12.50" and "12.5" are the same reading. */
const valuesKey = (values: Array<string | null>) =>
  values.map((v) => (v === null ? '' : String(Number(v)))).join('|');

/** The meter's reading with the same values (compared as numbers), whatever its date, or a new one. */
export function saveReading(
  store: DomaStore,
  org: OrganizationRec,
  meter: MeterRec,
  sender: { dv: number; fingerprint: string },
  r: ReadingArg,
  date: string,
  values: Array<string | null>,
  accountNumber: string,
): ReadingRec {
  const key = valuesKey(values);
  for (const existing of store.readingsByMeter.get(meter.id) ?? []) {
    if (existing.deletedAt !== null) continue;
    if (valuesKey([existing.value1, existing.value2, existing.value3, existing.value4]) === key)
      return existing;
  }
  const sourceId = r.readingSource?.id ?? DomaReadingSource.other.id;
  const source = Object.values(DomaReadingSource).find((s) => s.id === sourceId) ?? DomaReadingSource.other;
  store.writes.readings++;
  return addReading(store, {
    meter,
    organization: org,
    date,
    values,
    accountNumber,
    source: { id: source.id, type: source.type, name: source.type },
    billingStatus: r.billingStatus ?? null,
    billingStatusText: r.billingStatusText ?? null,
    sender,
  });
}

/** Stores a new reading (also residents' readings from the admin routes, which are not our writes). */
export function addReading(
  store: DomaStore,
  r: Pick<
    ReadingRec,
    | 'meter'
    | 'organization'
    | 'date'
    | 'accountNumber'
    | 'source'
    | 'billingStatus'
    | 'billingStatusText'
    | 'sender'
  > & {
    values: Array<string | null>;
  },
): ReadingRec {
  const now = store.nowIso();
  const rec: ReadingRec = {
    id: store.newId(),
    meter: r.meter,
    organization: r.organization,
    date: r.date,
    value1: r.values[0] ?? null,
    value2: r.values[1] ?? null,
    value3: r.values[2] ?? null,
    value4: r.values[3] ?? null,
    accountNumber: r.accountNumber,
    source: r.source,
    billingStatus: r.billingStatus,
    billingStatusText: r.billingStatusText,
    dv: 1,
    sender: r.sender,
    v: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  store.readings.set(rec.id, rec);
  const ofMeter = store.readingsByMeter.get(rec.meter.id);
  if (ofMeter) ofMeter.push(rec);
  else store.readingsByMeter.set(rec.meter.id, [rec]);
  return rec;
}
