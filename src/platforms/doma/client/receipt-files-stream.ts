import type { ReceiptFile } from '../../../domain/model/receipt-file.js';
import type {
  CanonicalRow,
  OutboundStream,
  RecordOutcome,
  WireRecord,
} from '../../../engine/connector/connector.js';
import { NonRetryableError, PayloadTooLargeError } from '../../../engine/policy/platform-errors.js';
import { domaLimits } from '../contract/doma-limits.js';
import {
  REGISTER_BILLING_RECEIPT_FILE_DOCUMENT,
  RegisterBillingReceiptFileData,
} from '../contract/register-billing-receipt-file.js';
import { variablesSize } from '../contract/variables-size.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import { domaGraphql } from './doma-graphql.js';
import { domaSender } from './doma-sender.js';
import type { DomaSettings } from './doma-settings.js';
import { type ReceiptFileWire, receiptFileWire, receiptImportId } from './receipt-file-wire.js';
import { removeReceiptFiles } from './remove-receipt-files.js';
import { uploadReceiptFile } from './upload-receipt-file.js';

/** Room for the envelope around the base64 in the variables limit. */
const INLINE_ROOM = 8 * 1024;

function toWire(rows: readonly CanonicalRow[]) {
  const records: WireRecord[] = [];
  for (const r of rows) {
    const file = r.data as ReceiptFile;
    if (!r.deleted) records.push({ key: r.key, op: 'upsert', payload: receiptFileWire(file) });
    // The billing deleted the full PDF: the platform's file goes (with the public one it carries).
    // A deleted public variant alone has no request of its own: the platform keeps the public file
    // with the full one until that is replaced or deleted (it holds no personal data).
    else if (file.variant === 'full')
      records.push({ key: r.key, op: 'delete', payload: { importId: receiptImportId(file) } });
  }
  return Promise.resolve({ records });
}

/**
 * One file per call. The full variant goes with `registerBillingReceiptFile` (base64, matched by
 * the receipt's importId — seed 000 §"Загрузка PDF квитанции если не получается через АПИ") unless
 * it is too large for the variables limit; then, and for the public variant (only
 * `createBillingReceiptFile` takes `publicDataFile`), a multipart upload.
 */
async function deliver(batch: readonly WireRecord[], ctx: DomaContext): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  for (const record of batch) {
    if (record.op === 'delete') {
      await removeReceiptFiles(ctx, [(record.payload as { importId: string }).importId]);
      outcomes.push({ status: 'ok' });
    } else outcomes.push(await deliverOne(record.payload as ReceiptFileWire, ctx));
  }
  return outcomes;
}

async function deliverOne(file: ReceiptFileWire, ctx: DomaContext): Promise<RecordOutcome> {
  try {
    if (file.variant === 'public') return await uploadWithPublic(file, ctx);
    const variables = {
      data: {
        ...domaSender(ctx.connection.settings),
        context: { id: ctx.connection.settings.billingContextId },
        receipt: { importId: file.importId },
        base64EncodedPDF: file.base64,
      },
    };
    if (variablesSize(variables) <= domaLimits.variablesBytes - INLINE_ROOM) {
      try {
        const { data } = await domaGraphql(ctx, 'registerBillingReceiptFile', {
          query: REGISTER_BILLING_RECEIPT_FILE_DOCUMENT,
          variables,
        });
        const id = RegisterBillingReceiptFileData.safeParse(data).data?.result?.id;
        if (typeof id === 'string') return { status: 'ok', platformId: id };
        return {
          status: 'rejected',
          code: 'no_result',
          message: 'registerBillingReceiptFile answered no id',
        };
      } catch (err) {
        if (!(err instanceof PayloadTooLargeError)) throw err;
        // The platform measured it larger than we did: the multipart path has no such limit.
      }
    }
    const id = await uploadReceiptFile(ctx, {
      importId: file.importId,
      controlSum: file.md5,
      sensitive: { base64: file.base64, fileName: file.fileName },
    });
    return { status: 'ok', platformId: id };
  } catch (err) {
    // The receipt is not there (yet) or is ambiguous: that file's problem, not the batch's.
    if (err instanceof NonRetryableError) return { status: 'rejected', code: err.code, message: err.message };
    throw err;
  }
}

/** The public variant goes with the full one (the platform requires `sensitiveDataFile`). */
async function uploadWithPublic(file: ReceiptFileWire, ctx: DomaContext): Promise<RecordOutcome> {
  const fullKey = `${file.importId}/full`;
  const full = (await ctx.records?.get('receipt_file', [fullKey]))?.get(fullKey) as ReceiptFile | undefined;
  if (!full) {
    return {
      status: 'rejected',
      code: 'full_file_missing',
      message: `the public PDF needs the full one (${fullKey}) uploaded first`,
    };
  }
  const sensitive = receiptFileWire(full);
  const id = await uploadReceiptFile(ctx, {
    importId: file.importId,
    controlSum: `${sensitive.md5}:${file.md5}`,
    sensitive: { base64: sensitive.base64, fileName: sensitive.fileName },
    public: { base64: file.base64, fileName: file.fileName },
  });
  return { status: 'ok', platformId: id };
}

/**
 * Runs after the receipts stream (the connector lists it later): a file is matched to a receipt the
 * platform must already have. Self-contained: an unchanged PDF is skipped without being read.
 */
export const receiptFilesStream: OutboundStream<DomaSettings, DomaCredentials> = {
  kind: 'receipt_file',
  entity: 'receipt_file',
  selfContained: true,
  limits: { maxRecords: 1, maxBytes: 64 * 1024 * 1024 },
  toWire,
  deliver,
};
