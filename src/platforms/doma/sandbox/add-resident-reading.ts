import { z } from 'zod';
import { DomaReadingSource, type DomaReadingSourceKey } from '../contract/meter-reading-sources.js';
import { toDecimal8 } from './decimal8.js';
import type { ReadingRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { addReading } from './save-reading.js';

/** A reading a resident submitted (app, web, call…), as the admin route and the test handle take it. */
export const ResidentReadingSeed = z.object({
  meterId: z.string(),
  values: z
    .array(z.string().refine((v) => toDecimal8(v) !== undefined, 'a decimal string'))
    .min(1)
    .max(4),
  date: z.string().datetime().optional(),
  source: z
    .enum(Object.keys(DomaReadingSource) as [DomaReadingSourceKey, ...DomaReadingSourceKey[]])
    .default('mobileApp'),
});
export type ResidentReadingSeed = z.input<typeof ResidentReadingSeed>;

/** The platform's own sender of readings residents submit. */
const RESIDENT_SENDER = { dv: 1, fingerprint: 'resident-mobile-app' };

export function addResidentReading(store: DomaStore, input: ResidentReadingSeed): ReadingRec {
  const r = ResidentReadingSeed.parse(input);
  const meter = store.meters.get(r.meterId);
  if (!meter) throw new Error(`reading: meter ${r.meterId} not found`);
  const source = DomaReadingSource[r.source];
  return addReading(store, {
    meter,
    organization: meter.organization,
    date: r.date ?? store.nowIso(),
    values: r.values,
    accountNumber: meter.accountNumber,
    source: { id: source.id, type: source.type, name: source.type },
    billingStatus: null,
    billingStatusText: null,
    sender: RESIDENT_SENDER,
  });
}
