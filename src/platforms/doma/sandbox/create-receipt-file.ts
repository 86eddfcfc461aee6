import { DomaErrorCode } from '../contract/doma-errors.js';
import { attachReceiptFile, storedFile } from './attach-receipt-file.js';
import { checkSender } from './check-sender.js';
import { finishedContext } from './context-access.js';
import type { ReceiptFileRec, SenderRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { oneReceipt } from './register-receipt-file.js';
import { gqlError } from './sandbox-error.js';

/** A file part of a multipart request, put into the variables by the transport. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  size: number;
}

export interface CreateReceiptFileArgs {
  data?: {
    dv?: number | null;
    sender?: { dv: number; fingerprint: string } | null;
    sensitiveDataFile?: UploadedFile | null;
    publicDataFile?: UploadedFile | null;
    context?: { connect?: { id: string } | null } | null;
    receipt?: { connect?: { id: string } | null } | null;
    controlSum?: string | null;
    importId?: string | null;
  } | null;
}

const isUpload = (v: unknown): v is UploadedFile =>
  v !== null && typeof v === 'object' && typeof (v as UploadedFile).filename === 'string';

/**
 * createBillingReceiptFile (seed 000 §"Загрузка PDF квитанций через АПИ"): the multipart path. The
 * receipt is found by `receipt.connect.id` or by `importId` in the context; the file replaces the
 * receipt's previous one (always a write: this path has no change check of its own).
 */
export function createReceiptFile(store: DomaStore, args: CreateReceiptFileArgs): ReceiptFileRec {
  const data = args.data ?? {};
  checkSender(data);
  const ctx = finishedContext(store, data.context?.connect?.id ?? undefined);
  if (!isUpload(data.sensitiveDataFile)) {
    throw gqlError(
      DomaErrorCode.badUserInput,
      'REQUIRED_FIELD',
      'Required field "sensitiveDataFile" is missing',
    );
  }
  const receiptId = data.receipt?.connect?.id;
  const receipt = oneReceipt(store, ctx, receiptId ? { id: receiptId } : { importId: data.importId ?? '' });
  const sensitive = data.sensitiveDataFile;
  const pub = isUpload(data.publicDataFile) ? data.publicDataFile : null;
  return attachReceiptFile(
    store,
    ctx,
    receipt,
    {
      controlSum: data.controlSum ?? null,
      md5: null,
      sensitiveDataFile: storedFile(store, sensitive.filename, sensitive.mimetype, sensitive.size),
      publicDataFile: pub ? storedFile(store, pub.filename, pub.mimetype, pub.size) : null,
    },
    data.sender as SenderRec,
  );
}
