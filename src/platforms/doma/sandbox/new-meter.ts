import { domaMeterResourceInfo } from '../contract/meter-resources.js';
import type { MeterRec, SenderRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';

/** What a new meter needs; everything else starts empty. */
export type MeterKey = Pick<
  MeterRec,
  'organization' | 'property' | 'number' | 'accountNumber' | 'unitName' | 'unitType' | 'numberOfTariffs'
> & { resourceId: string; id?: string; place?: string | null; sender: SenderRec };

/** Stores a new meter (not counted as a write: callers count their own). Undefined for an unknown resource. */
export function newMeter(store: DomaStore, key: MeterKey): MeterRec | undefined {
  const resource = domaMeterResourceInfo[key.resourceId];
  if (!resource) return undefined;
  const { resourceId, id = store.newId(), place = null, ...fields } = key;
  const now = store.nowIso();
  const meter: MeterRec = {
    id,
    ...fields,
    resource: { id: resourceId, ...resource },
    place,
    isAutomatic: false,
    installationDate: null,
    commissioningDate: null,
    verificationDate: null,
    nextVerificationDate: null,
    controlReadingsDate: null,
    sealingDate: null,
    archiveDate: null,
    meta: null,
    v: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    dv: 1,
  };
  store.meters.set(meter.id, meter);
  store.indexMeter(meter);
  return meter;
}
