import { DomaErrorCode, DomaErrorType } from '../contract/doma-errors.js';
import { domaLimits } from '../contract/doma-limits.js';
import { DomaReadingSource } from '../contract/meter-reading-sources.js';
import { domaMeterResourceInfo } from '../contract/meter-resources.js';
import { DomaUnitType } from '../contract/register-meters-readings.js';
import { checkSender } from './check-sender.js';
import type { MeterRec, OrganizationRec, PropertyRec, ReadingRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { looseDate, strictReadingDate } from './reading-dates.js';
import { gqlError, SandboxError } from './sandbox-error.js';

export interface ReadingArg {
  address: string;
  addressInfo: { unitType?: string | null; unitName?: string | null; globalId?: string | null };
  accountNumber: string;
  meterNumber: string;
  meterResource: { id: string };
  date: string;
  value1: string;
  value2?: string | null;
  value3?: string | null;
  value4?: string | null;
  meterMeta?: Record<string, unknown> | null;
  readingSource?: { id: string } | null;
  billingStatus?: string | null;
  billingStatusText?: string | null;
}

export interface RegisterReadingsArgs {
  data: {
    dv: number;
    sender: { dv: number; fingerprint: string };
    organization: { id: string };
    readings: ReadingArg[];
  };
}

const META_DATES = [
  'verificationDate',
  'nextVerificationDate',
  'installationDate',
  'commissioningDate',
  'sealingDate',
  'controlReadingsDate',
  'archiveDate',
] as const;

const VALUE_RE = /^\s*\d+([.,]\d+)?\s*$/;

/**
 * registerMetersReadings (seed 000 §"Загрузка показаний", NOTES.md): ≤ 500 rows; per-row checks in the
 * platform's order; meters matched by (property, unitType, unitName, number, resource) and created
 * when absent; a reading with the same meter and values as an existing one is that one, whatever the date.
 */
export function registerReadings(store: DomaStore, args: RegisterReadingsArgs): Array<ReadingRec | Error> {
  const { data } = args;
  checkSender(data);
  const org = store.organizations.get(data.organization.id);
  if (!org) {
    throw gqlError(DomaErrorCode.badUserInput, DomaErrorType.organizationNotFound, 'Organization not found');
  }
  if (data.readings.length > domaLimits.readingsPerCall) {
    throw gqlError(
      DomaErrorCode.badUserInput,
      DomaErrorType.tooMuchReadings,
      `Too much readings. ${data.readings.length} sent, limit is ${domaLimits.readingsPerCall}.`,
    );
  }
  // The platform reads addressInfo fields without a null check: one null fails the whole request.
  for (const r of data.readings) {
    if (Object.values(r.addressInfo).some((v) => v === null)) {
      throw new SandboxError('TypeError', "Cannot read properties of null (reading 'trim')", {
        code: DomaErrorCode.internal,
      });
    }
  }
  return data.readings.map((r, i) => registerOne(store, org, data.sender, r, i));
}

function rowError(type: string, message: string, index: number): SandboxError {
  return gqlError(DomaErrorCode.badUserInput, type, message, { inputIndex: index });
}

function registerOne(
  store: DomaStore,
  org: OrganizationRec,
  sender: { dv: number; fingerprint: string },
  r: ReadingArg,
  i: number,
): ReadingRec | Error {
  const accountNumber = r.accountNumber.trim();
  if (accountNumber === '') return rowError(DomaErrorType.invalidAccountNumber, 'Invalid account number', i);
  const number = r.meterNumber.trim();
  if (number === '') return rowError(DomaErrorType.invalidMeterNumber, 'Invalid meter number', i);
  const date = strictReadingDate(r.date);
  if (!date) return rowError(DomaErrorType.invalidDate, `Invalid date "${r.date}"`, i);
  const property = store.findProperty(org.id, r.address, r.addressInfo.globalId ?? undefined);
  if (!property) return rowError(DomaErrorType.propertyNotFound, `Property not found: "${r.address}"`, i);
  const unitType = r.addressInfo.unitType ?? 'flat';
  const unitName = r.addressInfo.unitName ?? '';
  const candidates = [...store.meters.values()].filter(
    (m) =>
      m.deletedAt === null &&
      m.property === property &&
      m.unitType === unitType &&
      m.unitName === unitName &&
      m.number === number &&
      m.resource.id === r.meterResource.id,
  );
  if (candidates.length > 1) return rowError(DomaErrorType.multipleMetersFound, 'Multiple meters found', i);
  const raw = [r.value1, r.value2, r.value3, r.value4];
  const sent = raw.filter((v): v is string => v != null && v.trim() !== '');
  if (sent.length === 0 || !sent.every((v) => VALUE_RE.test(v))) {
    return rowError(DomaErrorType.invalidMeterValues, 'Meter values must be numbers ≥ 0', i);
  }
  const values = raw.map((v) => (v == null || v.trim() === '' ? null : v.trim().replace(',', '.')));
  if (Date.parse(date) > store.now().getTime()) {
    return rowError(DomaErrorType.meterReadingDateInFuture, 'Meter reading date is in the future', i);
  }
  const meter =
    candidates[0] ??
    createMeter(store, org, property, r, { unitType, unitName, number, accountNumber }, sent.length, i);
  if (meter instanceof Error) return meter;
  const metaError = updateMeterMeta(store, meter, r.meterMeta, i);
  if (metaError) return metaError;
  if (sent.length !== meter.numberOfTariffs || values.slice(meter.numberOfTariffs).some((v) => v !== null)) {
    return rowError(
      DomaErrorType.wrongNumberOfValues,
      `The meter has ${meter.numberOfTariffs} tariffs, ${sent.length} values sent`,
      i,
    );
  }
  return saveReading(store, org, meter, sender, r, date, values, accountNumber);
}

function createMeter(
  store: DomaStore,
  org: OrganizationRec,
  property: PropertyRec,
  r: ReadingArg,
  key: { unitType: string; unitName: string; number: string; accountNumber: string },
  valuesSent: number,
  i: number,
): MeterRec | Error {
  if (!DomaUnitType.safeParse(key.unitType).success) {
    return rowError(
      'WRONG_UNIT_TYPE',
      `Unit type "${key.unitType}" is not one of ${DomaUnitType.options.join(', ')}`,
      i,
    );
  }
  const resource = domaMeterResourceInfo[r.meterResource.id];
  if (!resource)
    return rowError('METER_RESOURCE_NOT_FOUND', `Meter resource ${r.meterResource.id} not found`, i);
  const tariffs = typeof r.meterMeta?.numberOfTariffs === 'number' ? r.meterMeta.numberOfTariffs : valuesSent;
  if (!Number.isInteger(tariffs) || tariffs < 1 || tariffs > 4) {
    return rowError(DomaErrorType.wrongNumberOfTariffs, 'Number of tariffs must be 1..4', i);
  }
  const live = [...store.meters.values()].filter((m) => m.deletedAt === null && m.organization === org);
  if (live.some((m) => m.number === key.number && m.resource.id === r.meterResource.id)) {
    return rowError(DomaErrorType.meterNumberTaken, `Meter ${key.number} of this resource already exists`, i);
  }
  if (
    live.some(
      (m) =>
        m.accountNumber === key.accountNumber &&
        (m.property !== property || m.unitName !== key.unitName || m.unitType !== key.unitType),
    )
  ) {
    return rowError(
      DomaErrorType.accountNumberInOtherUnit,
      `Account ${key.accountNumber} belongs to another unit`,
      i,
    );
  }
  const now = store.nowIso();
  const meter: MeterRec = {
    id: store.newId(),
    organization: org,
    property,
    resource: { id: r.meterResource.id, ...resource },
    ...key,
    numberOfTariffs: tariffs,
    place: null,
    isAutomatic: false,
    installationDate: null,
    commissioningDate: null,
    verificationDate: null,
    nextVerificationDate: null,
    controlReadingsDate: null,
    sealingDate: null,
    archiveDate: null,
    v: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  store.meters.set(meter.id, meter);
  store.writes.meters++;
  return meter;
}

/** Meter fields from meterMeta; a write only when one changes. */
function updateMeterMeta(
  store: DomaStore,
  meter: MeterRec,
  meta: ReadingArg['meterMeta'],
  i: number,
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
  Object.assign(meter, patch, { v: meter.v + 1, updatedAt: store.nowIso() });
  store.writes.meters++;
  return undefined;
}

function saveReading(
  store: DomaStore,
  org: OrganizationRec,
  meter: MeterRec,
  sender: { dv: number; fingerprint: string },
  r: ReadingArg,
  date: string,
  values: Array<string | null>,
  accountNumber: string,
): ReadingRec {
  const key = values.map((v) => (v === null ? '' : String(Number(v)))).join('|');
  for (const existing of store.readingsByMeter.get(meter.id) ?? []) {
    if (existing.deletedAt !== null) continue;
    const theirs = [existing.value1, existing.value2, existing.value3, existing.value4];
    if (theirs.map((v) => (v === null ? '' : String(Number(v)))).join('|') === key) return existing;
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
