import { z } from 'zod';
import { DomaMeterResource, type DomaMeterResourceKey } from '../contract/meter-resources.js';
import { DomaUnitType } from '../contract/register-meters-readings.js';
import type { MeterRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { meterConflict } from './meter-rules.js';
import { newMeter } from './new-meter.js';
import { looseDate } from './reading-dates.js';
import { STAFF_SENDER } from './staff-sender.js';

/** A meter the УК's staff add in the CRM (seed 000: "В CRM есть раздел, где отображаются все счетчики"). */
export const StaffMeterSeed = z.object({
  organizationId: z.string(),
  /** The house: a property id, or an address / ФИАС the organization's house is found by. */
  propertyId: z.string().optional(),
  address: z.string().optional(),
  unitName: z.string().min(1),
  unitType: DomaUnitType.default('flat'),
  accountNumber: z.string().min(1),
  number: z.string().min(1),
  resource: z.enum(Object.keys(DomaMeterResource) as [DomaMeterResourceKey, ...DomaMeterResourceKey[]]),
  numberOfTariffs: z.number().int().min(1).max(4).default(1),
  place: z.string().optional(),
});
export type StaffMeterSeed = z.input<typeof StaffMeterSeed>;

export const StaffArchive = z.object({
  meterId: z.string(),
  /** Defaults to now. */
  archiveDate: z.string().optional(),
});
export type StaffArchive = z.input<typeof StaffArchive>;

/** Staff create a meter: the model's rules apply, the sender is the CRM's (not counted as an API write). */
export function addStaffMeter(store: DomaStore, input: StaffMeterSeed): MeterRec {
  const m = StaffMeterSeed.parse(input);
  const organization = store.organizations.get(m.organizationId);
  if (!organization) throw new Error(`meter: organization ${m.organizationId} not found`);
  const property = m.propertyId
    ? store.properties.get(m.propertyId)
    : store.findProperty(organization.id, m.address ?? '', m.address);
  if (!property || property.organization !== organization)
    throw new Error(`meter: no house ${m.propertyId ?? m.address ?? ''} in organization ${organization.id}`);
  const resourceId = DomaMeterResource[m.resource];
  const conflict = meterConflict(store, { organization, property, resourceId, ...m });
  if (conflict) throw new Error(`meter: ${conflict.message}`);
  return newMeter(store, { organization, property, resourceId, ...m, sender: STAFF_SENDER }) as MeterRec;
}

/** Staff archive a meter in the CRM (a date in the future is theirs to set; the API ignores those). */
export function archiveAsStaff(store: DomaStore, input: StaffArchive): MeterRec {
  const a = StaffArchive.parse(input);
  const meter = store.meters.get(a.meterId);
  if (!meter || meter.deletedAt !== null) throw new Error(`meter ${a.meterId} not found`);
  const archiveDate = a.archiveDate === undefined ? store.nowIso() : looseDate(a.archiveDate);
  if (!archiveDate) throw new Error(`meter: archiveDate "${a.archiveDate}" is not a date`);
  Object.assign(meter, { archiveDate, v: meter.v + 1, updatedAt: store.nowIso(), sender: STAFF_SENDER });
  return meter;
}
