import { createHash } from 'node:crypto';
import { DomaErrorCode, DomaErrorType } from '../contract/doma-errors.js';
import { domaLimits } from '../contract/doma-limits.js';
import { checkSender } from './check-sender.js';
import { finishedContext } from './context-access.js';
import { toDecimal8 } from './decimal8.js';
import type { ContextRec, ReceiptRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { knownCategories } from './known-categories.js';
import { normalizeDetails, normalizeServices } from './normalize-receipt.js';
import { type CheckedReceipt, checkReceipt, type ReceiptArg } from './receipt-input-checks.js';
import { gqlError } from './sandbox-error.js';
import { saveBillingAccount, saveBillingProperty } from './save-billing-account.js';

export interface RegisterReceiptsArgs {
  data: {
    dv: number;
    sender: { dv: number; fingerprint: string };
    context?: { id: string } | null;
    receipts: ReceiptArg[];
  };
}

/**
 * registerBillingReceipts (seed 000 §"Публикация начислений", NOTES.md): the answer is in input order,
 * a receipt or an Error (which GraphQL turns into `null` + `errors[]` at `['result', i]`). Upsert by
 * importId, else by the natural key; an unchanged receipt is not written.
 */
export function registerReceipts(store: DomaStore, args: RegisterReceiptsArgs): Array<ReceiptRec | Error> {
  const { data } = args;
  checkSender(data);
  const ctx = finishedContext(store, data.context?.id);
  if (data.receipts.length > domaLimits.receiptsPerCall) {
    throw gqlError(
      DomaErrorCode.badUserInput,
      DomaErrorType.receiptsLimitHit,
      `Too many receipts in one query! We support up to ${domaLimits.receiptsPerCall} receipts`,
    );
  }
  return data.receipts.map((r, i) => {
    const checked = checkReceipt(r, i);
    if (checked instanceof Error) return checked;
    return saveReceipt(store, ctx, r, checked);
  });
}

function saveReceipt(store: DomaStore, ctx: ContextRec, r: ReceiptArg, c: CheckedReceipt): ReceiptRec {
  // Accounts and properties are saved first and stay even if the receipt fails (nothing is transactional).
  const property = saveBillingProperty(store, ctx, r);
  const account = saveBillingAccount(store, ctx, property, c.accountNumber, r);
  const recipient = { tin: r.tin, bic: r.routingNumber, bankAccount: r.bankAccount };
  const fields = {
    property,
    account,
    period: c.period,
    category: { id: c.categoryId, name: knownCategories.get(c.categoryId) ?? '' },
    raw: r.raw ?? null,
    toPay: toDecimal8(r.toPay) ?? r.toPay,
    toPayDetails: normalizeDetails(r.toPayDetails),
    services: normalizeServices(r.services),
    recipient,
  };
  // A digest, not the JSON itself: 100,000 receipts of 12 services must fit in memory.
  const content = digest({
    ...fields,
    property: property.id,
    account: account.id,
    category: c.categoryId,
  });
  const naturalKey = [
    ctx.id,
    c.period,
    c.accountNumber,
    property.id,
    c.categoryId,
    r.tin,
    r.routingNumber,
    r.bankAccount,
  ].join('|');
  const importId = r.importId ?? undefined;
  const existing = importId
    ? store.receiptsByImportId.get(`${ctx.id}|${importId}`)
    : store.receiptsByNaturalKey.get(naturalKey);
  const now = store.nowIso();
  if (existing) {
    if (existing.content === content) return existing;
    Object.assign(existing, fields, { content, v: existing.v + 1, updatedAt: now });
    store.receiptsByNaturalKey.set(naturalKey, existing);
    store.writes.receipts++;
    return existing;
  }
  const rec: ReceiptRec = {
    id: store.newId(),
    context: ctx,
    importId: importId ?? inventedImportId(naturalKey),
    file: null,
    content,
    v: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...fields,
  };
  store.receipts.set(rec.id, rec);
  store.receiptsByImportId.set(`${ctx.id}|${rec.importId}`, rec);
  store.receiptsByNaturalKey.set(naturalKey, rec);
  store.writes.receipts++;
  return rec;
}

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64');
}

/** Without an importId the platform invents one; ours is stable for the natural key. */
function inventedImportId(naturalKey: string): string {
  return createHash('sha1').update(naturalKey).digest('hex').slice(0, 24);
}
