import { z } from 'zod';
import { toDecimal8 } from './decimal8.js';
import type { ReceiptRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';

/**
 * Receipts changed on the platform's side, not by the billing — the УК's staff editing or deleting
 * one in the CRM, another integration loading one into the context — so a reconciliation has
 * something to find. The content digest changes too: a billing that sends its version again is a
 * real write, as it would be on the platform.
 */
export const ReceiptChange = z.object({ importId: z.string().min(1), toPay: z.string().min(1) });
export const ReceiptRef = z.object({ importId: z.string().min(1) });
export const ForeignReceipt = z.object({
  /** An existing receipt the new one is shaped like (account, house, recipient). */
  like: z.string().min(1),
  importId: z.string().min(1),
  toPay: z.string().min(1).optional(),
});

/** The live receipt with this importId (in any context). */
function liveReceipt(store: DomaStore, importId: string): ReceiptRec {
  for (const r of store.receipts.values()) if (r.importId === importId && r.deletedAt === null) return r;
  throw new Error(`receipt ${importId} not found`);
}

function decimal(value: string): string {
  const d = toDecimal8(value);
  if (d === undefined) throw new Error(`toPay: "${value}" is not a decimal`);
  return d;
}

/** Staff change a receipt's total. */
export function changeReceipt(store: DomaStore, input: unknown): ReceiptRec {
  const b = ReceiptChange.parse(input);
  const r = liveReceipt(store, b.importId);
  Object.assign(r, {
    toPay: decimal(b.toPay),
    content: `changed:${r.v + 1}`,
    v: r.v + 1,
    updatedAt: store.nowIso(),
  });
  return r;
}

/**
 * Staff delete a receipt: soft-deleted like every condo record, gone from the lists and from the
 * upsert's lookups, so registering it again creates a new one.
 */
export function deleteReceipt(store: DomaStore, input: unknown): ReceiptRec {
  const r = liveReceipt(store, ReceiptRef.parse(input).importId);
  r.deletedAt = store.nowIso();
  r.v += 1;
  store.receiptsByImportId.delete(`${r.context.id}|${r.importId}`);
  for (const [k, v] of store.receiptsByNaturalKey) if (v === r) store.receiptsByNaturalKey.delete(k);
  return r;
}

/** Someone else loads a receipt into the context (its importId none of the billing's). */
export function addForeignReceipt(store: DomaStore, input: unknown): ReceiptRec {
  const b = ForeignReceipt.parse(input);
  const like = liveReceipt(store, b.like);
  const now = store.nowIso();
  const r: ReceiptRec = {
    ...like,
    id: store.newId(),
    importId: b.importId,
    toPay: b.toPay === undefined ? like.toPay : decimal(b.toPay),
    file: null,
    content: `foreign:${b.importId}`,
    v: 1,
    createdAt: now,
    updatedAt: now,
  };
  store.receipts.set(r.id, r);
  store.receiptsByImportId.set(`${r.context.id}|${r.importId}`, r);
  return r;
}
