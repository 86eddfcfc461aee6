import { DomaErrorType } from '../contract/doma-errors.js';
import { checkSender } from './check-sender.js';
import { accessDenied } from './context-access.js';
import type { MeterRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { validationFailure } from './keystone-errors.js';
import { dateOf, type MeterInput, meterPatch } from './meter-input.js';
import { meterConflict } from './meter-rules.js';
import { newMeter } from './new-meter.js';

export interface CreateMeterArgs {
  data?: MeterInput | null;
}

export interface UpdateMeterArgs {
  id: string;
  data?: MeterInput | null;
}

/** The model's required fields (condo's Meter), in its order. */
const REQUIRED = [
  'organization',
  'property',
  'resource',
  'number',
  'numberOfTariffs',
  'accountNumber',
  'unitName',
] as const;

function required(field: string): Error {
  return validationFailure(DomaErrorType.requiredField, `Required field "${field}" is null or undefined.`);
}

function checkConflict(store: DomaStore, m: MeterRec, self?: MeterRec): void {
  const conflict = meterConflict(store, { ...m, resourceId: m.resource.id }, self);
  if (conflict) throw validationFailure(conflict.type, conflict.message);
}

/**
 * createMeter (condo's Meter model through Keystone's create): a meter without any reading — the
 * required fields, the relations (organization, property, resource), the model's uniqueness rules;
 * `unitType` defaults to `flat`, `isAutomatic` to false. A future `archiveDate` is kept as sent.
 */
export function createMeter(store: DomaStore, args: CreateMeterArgs): MeterRec {
  const data = args.data ?? {};
  checkSender(data);
  const patch = meterPatch(store, data);
  for (const field of REQUIRED) {
    if (patch[field] === undefined || patch[field] === null || patch[field] === '') throw required(field);
  }
  const m = patch as Required<Pick<MeterRec, (typeof REQUIRED)[number] | 'sender'>> & Partial<MeterRec>;
  const identity = {
    organization: m.organization,
    property: m.property,
    resourceId: m.resource.id,
    number: m.number,
    accountNumber: m.accountNumber,
    unitName: m.unitName,
    unitType: m.unitType ?? 'flat',
  };
  const conflict = meterConflict(store, identity);
  if (conflict) throw validationFailure(conflict.type, conflict.message);
  const { organization, property, resource, number, accountNumber, unitName, unitType, ...rest } = m;
  const meter = newMeter(store, {
    ...identity,
    numberOfTariffs: m.numberOfTariffs,
    sender: m.sender,
  }) as MeterRec;
  Object.assign(meter, rest);
  if (typeof data.archiveDate === 'string') meter.archiveDate = dateOf('archiveDate', data.archiveDate);
  store.writes.meters++;
  return meter;
}

/**
 * updateMeter (seed 000 §"Изменение ИПУ"; every MeterUpdateInput field). `archiveDate`: a future date
 * is silently ignored and `null` does not un-archive (NOTES.md); `deletedAt` deletes the meter (it
 * leaves lists and matching). An unknown or deleted meter is AccessDenied, as Keystone answers for
 * items it cannot see. A write only when a field changes.
 */
export function updateMeter(store: DomaStore, args: UpdateMeterArgs): MeterRec {
  const data = args.data ?? {};
  checkSender(data);
  const meter = store.meters.get(args.id);
  if (!meter || meter.deletedAt !== null) throw accessDenied();
  const patch = meterPatch(store, data);
  if (typeof data.archiveDate === 'string') {
    const iso = dateOf('archiveDate', data.archiveDate);
    if (Date.parse(iso) <= store.now().getTime()) patch.archiveDate = iso;
  }
  if (typeof data.deletedAt === 'string') patch.deletedAt = dateOf('deletedAt', data.deletedAt);
  for (const field of REQUIRED)
    if (field in patch && (patch[field] === null || patch[field] === '')) throw required(field);
  const { sender, ...fields } = patch;
  const changed = (Object.keys(fields) as Array<keyof typeof fields>).filter((k) => meter[k] !== fields[k]);
  if (changed.length === 0) return meter;
  const next = { ...meter, ...fields };
  if (next.deletedAt === null) checkConflict(store, next, meter);
  store.unindexMeter(meter);
  Object.assign(meter, fields, { v: meter.v + 1, updatedAt: store.nowIso(), ...(sender ? { sender } : {}) });
  store.indexMeter(meter);
  store.writes.meters++;
  return meter;
}
