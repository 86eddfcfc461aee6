import { DomaErrorCode } from '../contract/doma-errors.js';
import { checkSender } from './check-sender.js';
import { accessDenied } from './context-access.js';
import type { MeterRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { looseDate } from './reading-dates.js';
import { gqlError } from './sandbox-error.js';

export interface UpdateMeterArgs {
  id: string;
  data?: {
    dv?: number | null;
    sender?: { dv: number; fingerprint: string } | null;
    archiveDate?: string | null;
  } | null;
}

/**
 * updateMeter (seed 000 §"Изменение ИПУ"): only archiveDate is emulated. A future date is silently
 * ignored and `null` does not un-archive (NOTES.md); an unknown meter is AccessDenied, as Keystone
 * answers for items it cannot see.
 */
export function updateMeter(store: DomaStore, args: UpdateMeterArgs): MeterRec {
  const data = args.data ?? {};
  checkSender(data);
  const meter = store.meters.get(args.id);
  if (!meter || meter.deletedAt !== null) throw accessDenied();
  if (typeof data.archiveDate !== 'string') return meter;
  const iso = looseDate(data.archiveDate);
  if (!iso)
    throw gqlError(DomaErrorCode.badUserInput, 'WRONG_FORMAT', `Invalid archiveDate "${data.archiveDate}"`);
  if (Date.parse(iso) > store.now().getTime() || iso === meter.archiveDate) return meter;
  Object.assign(meter, { archiveDate: iso, v: meter.v + 1, updatedAt: store.nowIso() });
  store.writes.meters++;
  return meter;
}
