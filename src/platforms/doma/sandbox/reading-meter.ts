import { DomaErrorType } from '../contract/doma-errors.js';
import { domaMeterResourceInfo } from '../contract/meter-resources.js';
import { DomaUnitType } from '../contract/register-meters-readings.js';
import type { MeterRec, OrganizationRec, PropertyRec, SenderRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { meterConflict } from './meter-rules.js';
import { newMeter } from './new-meter.js';
import { rowError } from './reading-row-error.js';
import type { ReadingArg } from './register-readings.js';

/**
 * A meter registerMetersReadings creates for a row (tariffs = meterMeta's or the count of values), or
 * the model's error: unit type, resource, tariffs 1..4, number + resource or account taken elsewhere.
 */
export function createReadingMeter(
  store: DomaStore,
  org: OrganizationRec,
  property: PropertyRec,
  r: ReadingArg,
  key: { unitType: string; unitName: string; number: string; accountNumber: string },
  valuesSent: number,
  i: number,
  sender: SenderRec,
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
  const conflict = meterConflict(store, {
    organization: org,
    property,
    resourceId: r.meterResource.id,
    ...key,
  });
  if (conflict) return rowError(conflict.type, conflict.message, i);
  const meter = newMeter(store, {
    organization: org,
    property,
    resourceId: r.meterResource.id,
    ...key,
    numberOfTariffs: tariffs,
    sender,
  }) as MeterRec;
  store.writes.meters++;
  return meter;
}
