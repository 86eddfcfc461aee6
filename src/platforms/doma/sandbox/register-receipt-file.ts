import { createHash } from 'node:crypto';
import { DomaErrorCode, DomaErrorMessage, DomaErrorType } from '../contract/doma-errors.js';
import type { ReceiptFileStatus } from '../contract/register-billing-receipt-file.js';
import { attachReceiptFile, storedFile } from './attach-receipt-file.js';
import { checkSender } from './check-sender.js';
import { finishedContext } from './context-access.js';
import type { ContextRec, ReceiptRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { matchesWhere } from './match-where.js';
import { gqlError } from './sandbox-error.js';

export interface RegisterReceiptFileArgs {
  data: {
    dv: number;
    sender: { dv: number; fingerprint: string };
    context: { id: string };
    receipt: Record<string, unknown>;
    base64EncodedPDF: string;
  };
}

/** The one live receipt of the context a filter matches, else the platform's two errors. */
export function oneReceipt(store: DomaStore, ctx: ContextRec, where: Record<string, unknown>): ReceiptRec {
  const found = [...store.receipts.values()].filter(
    (r) =>
      r.context === ctx &&
      r.deletedAt === null &&
      matchesWhere(r as unknown as Record<string, unknown>, where),
  );
  if (found.length === 0) {
    throw gqlError(
      DomaErrorCode.badUserInput,
      DomaErrorType.noReceiptForFile,
      DomaErrorMessage.noReceiptForFile,
    );
  }
  if (found.length > 1) {
    throw gqlError(
      DomaErrorCode.badUserInput,
      DomaErrorType.multipleReceiptsForFile,
      DomaErrorMessage.multipleReceiptsForFile,
    );
  }
  return found[0] as ReceiptRec;
}

/**
 * registerBillingReceiptFile (seed 000 §"Загрузка PDF квитанции если не получается через АПИ"):
 * CREATED, UPDATED, or SKIPPED when the md5 of the base64 string is the one stored.
 */
export function registerReceiptFile(
  store: DomaStore,
  args: RegisterReceiptFileArgs,
): { id: string; status: ReceiptFileStatus } {
  const { data } = args;
  checkSender(data);
  const ctx = finishedContext(store, data.context.id);
  const receipt = oneReceipt(store, ctx, data.receipt);
  const md5 = createHash('md5').update(data.base64EncodedPDF).digest('hex');
  const existing = receipt.file;
  if (existing && existing.md5 === md5) return { id: existing.id, status: 'SKIPPED' };
  const size = Buffer.byteLength(data.base64EncodedPDF, 'base64');
  const file = storedFile(store, `${receipt.importId}.pdf`, 'application/pdf', size);
  const rec = attachReceiptFile(
    store,
    ctx,
    receipt,
    {
      controlSum: md5,
      md5,
      sensitiveDataFile: file,
      publicDataFile: null,
    },
    data.sender,
  );
  return { id: rec.id, status: existing ? 'UPDATED' : 'CREATED' };
}
