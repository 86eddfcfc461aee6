import type { ContextRec, ReceiptFileRec, ReceiptRec, SenderRec, StoredFile } from './doma-records.js';
import type { DomaStore } from './doma-store.js';

/** A stored copy of an uploaded file (the sandbox keeps its size, not its bytes). */
export function storedFile(
  store: DomaStore,
  originalFilename: string,
  mimetype: string,
  size: number,
): StoredFile {
  const id = store.newId();
  return {
    id,
    filename: `${id}.pdf`,
    originalFilename,
    mimetype,
    publicUrl: `/_sandbox/files/${id}`,
    size,
  };
}

/** Creates or replaces the receipt's file record; always a write. */
export function attachReceiptFile(
  store: DomaStore,
  ctx: ContextRec,
  receipt: ReceiptRec,
  patch: Pick<ReceiptFileRec, 'controlSum' | 'md5' | 'sensitiveDataFile' | 'publicDataFile'>,
  sender: SenderRec,
): ReceiptFileRec {
  const now = store.nowIso();
  const existing = receipt.file;
  store.writes.receiptFiles++;
  if (existing) {
    Object.assign(existing, patch, {
      file: patch.sensitiveDataFile,
      v: existing.v + 1,
      updatedAt: now,
      sender,
    });
    return existing;
  }
  const rec: ReceiptFileRec = {
    id: store.newId(),
    context: ctx,
    receipt,
    importId: receipt.importId,
    file: patch.sensitiveDataFile,
    v: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    dv: 1,
    sender,
    ...patch,
  };
  store.receiptFiles.set(rec.id, rec);
  receipt.file = rec;
  return rec;
}
