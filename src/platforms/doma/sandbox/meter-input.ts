import { DomaErrorType } from '../contract/doma-errors.js';
import { domaMeterResourceInfo } from '../contract/meter-resources.js';
import { accessDenied } from './context-access.js';
import type { MeterRec, SenderRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { unableToConnect, validationFailure } from './keystone-errors.js';
import { looseDate } from './reading-dates.js';

type Connect = {
  connect?: { id: string } | null;
  disconnect?: unknown;
  disconnectAll?: boolean | null;
  create?: unknown;
} | null;

/** `MeterCreateInput` / `MeterUpdateInput` as GraphQL coerced them (absent and null alike). */
export interface MeterInput {
  organization?: Connect;
  property?: Connect;
  resource?: Connect;
  b2bApp?: Connect;
  b2cApp?: Connect;
  createdBy?: Connect;
  updatedBy?: Connect;
  number?: string | null;
  accountNumber?: string | null;
  unitName?: string | null;
  unitType?: string | null;
  place?: string | null;
  numberOfTariffs?: number | null;
  isAutomatic?: boolean | null;
  installationDate?: string | null;
  commissioningDate?: string | null;
  verificationDate?: string | null;
  nextVerificationDate?: string | null;
  controlReadingsDate?: string | null;
  sealingDate?: string | null;
  archiveDate?: string | null;
  meta?: unknown;
  deletedAt?: string | null;
  v?: number | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  newId?: string | null;
  dv?: number | null;
  sender?: SenderRec | null;
}

export const METER_DATES = [
  'installationDate',
  'commissioningDate',
  'verificationDate',
  'nextVerificationDate',
  'controlReadingsDate',
  'sealingDate',
] as const;

/** Fields the plugins maintain (versioned, tracked, soft-deleted): no client may write them. */
const READ_ONLY = ['v', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'newId'] as const;

/**
 * The meter fields an input sets, checked as the platform's model checks them: relations must name
 * visible items; B2B/B2C apps must be connected to the organization (the sandbox has none); dates are
 * date-times (a time without offset is UTC); tariffs 1..4. `archiveDate` and `deletedAt` are left to
 * the caller (their rules differ between create and update).
 */
export function meterPatch(store: DomaStore, data: MeterInput): Partial<MeterRec> {
  if (READ_ONLY.some((k) => data[k] !== undefined)) throw accessDenied();
  if (data.organization?.create || data.property?.create || data.resource?.create) throw accessDenied();
  const patch: Partial<MeterRec> = {};
  const orgId = data.organization?.connect?.id;
  if (orgId) {
    const org = store.organizations.get(orgId);
    if (!org) throw unableToConnect('Meter', 'organization', 'Organization');
    patch.organization = org;
  }
  const propertyId = data.property?.connect?.id;
  if (propertyId) {
    const property = store.properties.get(propertyId);
    if (!property || property.deletedAt !== null) throw unableToConnect('Meter', 'property', 'Property');
    patch.property = property;
  }
  const resourceId = data.resource?.connect?.id;
  if (resourceId) {
    const info = domaMeterResourceInfo[resourceId];
    if (!info) throw unableToConnect('Meter', 'resource', 'MeterResource');
    patch.resource = { id: resourceId, ...info };
  }
  if (data.b2bApp?.connect)
    throw validationFailure(DomaErrorType.b2bAppNotConnected, 'B2B app is not connected');
  if (data.b2cApp?.connect) throw validationFailure('B2C_APP_NOT_AVAILABLE', 'B2C app is not available');
  for (const k of ['number', 'accountNumber', 'unitName', 'unitType', 'place'] as const) {
    if (data[k] !== undefined) patch[k] = (data[k] ?? null) as string;
  }
  if (typeof data.numberOfTariffs === 'number') {
    if (data.numberOfTariffs < 1 || data.numberOfTariffs > 4)
      throw validationFailure(DomaErrorType.wrongNumberOfTariffs, 'Number of tariffs must be 1..4');
    patch.numberOfTariffs = data.numberOfTariffs;
  }
  if (typeof data.isAutomatic === 'boolean') patch.isAutomatic = data.isAutomatic;
  if (patch.isAutomatic) {
    throw validationFailure(
      DomaErrorType.automaticMeterNoMasterApp,
      'An automatic meter needs the B2B app that is its master system',
    );
  }
  for (const k of METER_DATES) {
    if (data[k] === undefined) continue;
    patch[k] = data[k] === null ? null : dateOf(k, data[k] as string);
  }
  if (data.meta !== undefined) patch.meta = data.meta;
  if (data.sender) patch.sender = { dv: data.sender.dv, fingerprint: data.sender.fingerprint };
  return patch;
}

/** A DateTimeUtc field's value as an ISO instant, or the model's refusal. */
export function dateOf(field: string, text: string): string {
  const iso = looseDate(text);
  if (!iso) throw validationFailure('INVALID_DATE', `Invalid ${field} "${text}"`);
  return iso;
}
