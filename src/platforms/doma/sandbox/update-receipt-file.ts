import { checkSender } from './check-sender.js';
import { accessDenied, FINISHED_CONTEXT_STATUS } from './context-access.js';
import type { ReceiptFileRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { dateOf } from './meter-input.js';

export interface UpdateReceiptFileArgs {
  id: string;
  data?: {
    dv?: number | null;
    sender?: { dv: number; fingerprint: string } | null;
    deletedAt?: string | null;
    controlSum?: string | null;
    importId?: string | null;
    [field: string]: unknown;
  } | null;
}

/** Fields the plugins maintain, and the relations that tie the file to its receipt: not writable here. */
const REFUSED = ['v', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'newId', 'context', 'receipt'];

/**
 * updateBillingReceiptFile (seed 000 §"Загрузка PDF квитанций через АПИ": "Для удаления модели нужно
 * вызвать обновление модели с полем deletedAt"): `deletedAt` deletes the file — the receipt shows no
 * PDF any more, and a later upload creates a new file; `controlSum` and `importId` are stored. A file
 * of a context that is not Finished, unknown or already deleted is AccessDenied.
 */
export function updateReceiptFile(store: DomaStore, args: UpdateReceiptFileArgs): ReceiptFileRec {
  const data = args.data ?? {};
  checkSender(data);
  const file = store.receiptFiles.get(args.id);
  if (!file || file.deletedAt !== null || file.context.status !== FINISHED_CONTEXT_STATUS)
    throw accessDenied();
  if (REFUSED.some((k) => data[k] !== undefined && data[k] !== null)) throw accessDenied();
  const patch: Partial<ReceiptFileRec> = {};
  if (typeof data.controlSum === 'string' && data.controlSum !== file.controlSum)
    patch.controlSum = data.controlSum;
  if (typeof data.importId === 'string' && data.importId !== file.importId) patch.importId = data.importId;
  if (typeof data.deletedAt === 'string') patch.deletedAt = dateOf('deletedAt', data.deletedAt);
  if (Object.keys(patch).length === 0) return file;
  Object.assign(patch, { v: file.v + 1, updatedAt: store.nowIso(), sender: data.sender ?? file.sender });
  Object.assign(file, patch);
  if (file.deletedAt !== null && file.receipt.file === file) file.receipt.file = null;
  store.writes.receiptFiles++;
  return file;
}
