import { DomaErrorType } from '../contract/doma-errors.js';
import type { MeterRec, OrganizationRec, PropertyRec } from './doma-records.js';
import { type DomaStore, meterNumberKey } from './doma-store.js';

/** What identifies a meter in its organization and unit. */
export interface MeterIdentity {
  organization: OrganizationRec;
  property: PropertyRec;
  resourceId: string;
  number: string;
  accountNumber: string;
  unitName: string;
  unitType: string;
}

/**
 * The platform's two uniqueness rules of a meter among the organization's live ones (condo's Meter
 * model): number + resource once per organization; an account number in one unit only. `self` is
 * the meter being updated. Answers the violated rule's type and the platform's message.
 */
export function meterConflict(
  store: DomaStore,
  m: MeterIdentity,
  self?: MeterRec,
): { type: string; field: string; message: string } | undefined {
  // The store's lookups by number and by account (kept current on every write) spare a scan of every
  // meter per row; the filter below still checks each candidate's live values.
  const live = (list: MeterRec[] | undefined) =>
    (list ?? []).filter((x) => x !== self && x.deletedAt === null && x.organization === m.organization);
  const sameNumber = live(
    store.metersByNumber.get(meterNumberKey(m.organization.id, m.resourceId, m.number)),
  );
  if (sameNumber.some((x) => x.number === m.number && x.resource.id === m.resourceId)) {
    return {
      type: DomaErrorType.meterNumberTaken,
      field: 'number',
      message:
        '[unique:alreadyExists:number] Meter with same number and resource exist in current organization',
    };
  }
  const otherUnit = (x: MeterRec) =>
    x.property !== m.property || x.unitName !== m.unitName || x.unitType !== m.unitType;
  const sameAccount = live(store.metersByAccount.get(`${m.organization.id}|${m.accountNumber}`));
  if (sameAccount.some((x) => x.accountNumber === m.accountNumber && otherUnit(x))) {
    return {
      type: DomaErrorType.accountNumberInOtherUnit,
      field: 'accountNumber',
      message:
        '[unique:alreadyExists:accountNumber] Meter with same account number exist in current organization in other unit',
    };
  }
  return undefined;
}
