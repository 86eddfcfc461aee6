import { DomaErrorType } from '../contract/doma-errors.js';
import { domaMeterResourceInfo } from '../contract/meter-resources.js';
import { DomaUnitType } from '../contract/register-meters-readings.js';
import type { MeterRec, OrganizationRec, PropertyRec } from './doma-records.js';
import { type DomaStore, meterNumberKey } from './doma-store.js';
import { newMeter } from './new-meter.js';
import { rowError } from './reading-row-error.js';
import type { ReadingArg } from './register-readings.js';

/**
 * A meter registerMetersReadings creates for a row (tariffs = meterMeta's or the count of values), or
 * the model's error: unit type, resource, tariffs 1..4, number + resource or account taken elsewhere.
 */
export function createMeter(
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
  if (!domaMeterResourceInfo[r.meterResource.id]) {
    return rowError('METER_RESOURCE_NOT_FOUND', `Meter resource ${r.meterResource.id} not found`, i);
  }
  const tariffs = typeof r.meterMeta?.numberOfTariffs === 'number' ? r.meterMeta.numberOfTariffs : valuesSent;
  if (!Number.isInteger(tariffs) || tariffs < 1 || tariffs > 4) {
    return rowError(DomaErrorType.wrongNumberOfTariffs, 'Number of tariffs must be 1..4', i);
  }
  const live = (list: MeterRec[] | undefined) => (list ?? []).filter((m) => m.deletedAt === null);
  if (live(store.metersByNumber.get(meterNumberKey(org.id, r.meterResource.id, key.number))).length > 0) {
    return rowError(DomaErrorType.meterNumberTaken, `Meter ${key.number} of this resource already exists`, i);
  }
  if (
    live(store.metersByAccount.get(`${org.id}|${key.accountNumber}`)).some(
      (m) => m.property !== property || m.unitName !== key.unitName || m.unitType !== key.unitType,
    )
  ) {
    return rowError(
      DomaErrorType.accountNumberInOtherUnit,
      `Account ${key.accountNumber} belongs to another unit`,
      i,
    );
  }
  const meter = newMeter(store, {
    organization: org,
    property,
    resourceId: r.meterResource.id,
    ...key,
    numberOfTariffs: tariffs,
  }) as MeterRec;
  store.writes.meters++;
  return meter;
}
