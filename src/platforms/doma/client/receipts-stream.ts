import type { Receipt } from '../../../domain/model/receipt.js';
import type {
  CanonicalRow,
  OutboundStream,
  RecordOutcome,
  WireRecord,
} from '../../../engine/connector/connector.js';
import { domaLimits } from '../contract/doma-limits.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT } from '../contract/register-billing-receipts.js';
import { variablesSize } from '../contract/variables-size.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import { domaGraphql } from './doma-graphql.js';
import { domaSender } from './doma-sender.js';
import type { DomaSettings } from './doma-settings.js';
import { listOutcomes } from './list-outcomes.js';
import { loadPlaces, missingPlace, PLACE_OF_ACCOUNT } from './load-places.js';
import { receiptToDoma } from './receipt-to-doma.js';
import { removeReceiptFiles } from './remove-receipt-files.js';

/**
 * Room left in the 512 KB variables limit for the envelope (dv, sender, context) and for the
 * difference between the per-receipt measure and the measure of the whole: batches stay under it.
 */
export const RECEIPT_BATCH_BYTES = 480 * 1024;

async function toWire(rows: readonly CanonicalRow[], ctx: DomaContext) {
  const live = rows.filter((r) => !r.deleted);
  const places = await loadPlaces(
    ctx,
    live.map((r) => (r.data as Receipt).accountNumber),
  );
  const records: WireRecord[] = [];
  const rejected: Array<{ key: string; code: string; message: string }> = [];
  for (const row of live) {
    const receipt = row.data as Receipt;
    const place = places.get(receipt.accountNumber);
    if (!place) {
      rejected.push({ key: row.key, ...missingPlace(receipt.accountNumber) });
      continue;
    }
    const mapped = receiptToDoma(row.key, receipt, place, ctx.connection.settings);
    if (mapped.ok) records.push({ key: row.key, op: 'upsert', payload: mapped.receipt });
    else rejected.push({ key: row.key, code: mapped.code, message: mapped.message });
  }
  // A deleted receipt stays on the platform (registerBillingReceipts has no deletion, and the
  // platform keeps receipts as the history residents already saw), but its PDF goes: a file that
  // shows a receipt the billing withdrew must not stay in residents' apps.
  for (const row of rows) {
    if (row.deleted) records.push({ key: row.key, op: 'delete', payload: { importId: row.key } });
  }
  return { records, rejected };
}

/**
 * seed 000 §"Публикация начислений": up to 1000 receipts in one call, answered in input order.
 * Deleted receipts in the batch have their PDFs removed (removeReceiptFiles).
 */
async function deliver(batch: readonly WireRecord[], ctx: DomaContext): Promise<RecordOutcome[]> {
  const { settings } = ctx.connection;
  const upserts = batch.filter((r) => r.op === 'upsert');
  const deletes = batch.filter((r) => r.op === 'delete');
  await removeReceiptFiles(
    ctx,
    deletes.map((r) => (r.payload as { importId: string }).importId),
  );
  let outcomes: RecordOutcome[] = [];
  if (upserts.length > 0) {
    const { data, itemErrors } = await domaGraphql(ctx, 'registerBillingReceipts', {
      query: REGISTER_BILLING_RECEIPTS_DOCUMENT,
      variables: {
        data: {
          ...domaSender(settings),
          context: { id: settings.billingContextId },
          receipts: upserts.map((r) => r.payload),
        },
      },
    });
    outcomes = listOutcomes('registerBillingReceipts', upserts.length, data.result, itemErrors);
  }
  // Back in input order: the upserts' outcomes, and every removal done.
  let u = 0;
  return batch.map((r) => (r.op === 'upsert' ? (outcomes[u++] as RecordOutcome) : { status: 'ok' }));
}

export const receiptsStream: OutboundStream<DomaSettings, DomaCredentials> = {
  kind: 'receipt',
  limits: { maxRecords: domaLimits.receiptsPerCall, maxBytes: RECEIPT_BATCH_BYTES },
  // The payload is the receipt, its place (load-places) and the settings: an unchanged re-publish
  // reads only receipts changed since, or whose account, premise or house changed.
  dependsOn: PLACE_OF_ACCOUNT,
  // A receipt whose account, premise or house is not in the hub yet is sent once it arrives.
  dependencyErrors: { address_unknown: ['account', 'premise', 'house'] },
  toWire,
  sizeOf: (record) => variablesSize(record.payload),
  deliver,
};
