import { DomaErrorCode, DomaErrorType } from '../contract/doma-errors.js';
import { domaLimits } from '../contract/doma-limits.js';
import { checkSender } from './check-sender.js';
import type { OrganizationRec, ReadingRec } from './doma-records.js';
import { type DomaStore, meterNumberKey } from './doma-store.js';
import { strictReadingDate } from './reading-dates.js';
import { createReadingMeter } from './reading-meter.js';
import { rowError } from './reading-row-error.js';
import { gqlError, SandboxError } from './sandbox-error.js';
import { saveReading } from './save-reading.js';
import { updateMeterMeta } from './update-meter-meta.js';

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

const VALUE_RE = /^\s*\d+([.,]\d+)?\s*$/;

/**
 * registerMetersReadings (seed 000 §"Загрузка показаний", NOTES.md): ≤ 500 rows; per-row checks in the
 * platform's order; meters matched by (property, unitType, unitName, account number, number,
 * resource) — the account number only trimmed, never cleaned of «л/с» as receipts' are — and created
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
  const sameNumber = store.metersByNumber.get(meterNumberKey(org.id, r.meterResource.id, number)) ?? [];
  const candidates = sameNumber.filter(
    (m) =>
      m.deletedAt === null &&
      m.property === property &&
      m.unitType === unitType &&
      m.unitName === unitName &&
      m.accountNumber === accountNumber,
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
    createReadingMeter(
      store,
      org,
      property,
      r,
      { unitType, unitName, number, accountNumber },
      sent.length,
      i,
      sender,
    );
  if (meter instanceof Error) return meter;
  const metaError = updateMeterMeta(store, meter, r.meterMeta, i, sender);
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
