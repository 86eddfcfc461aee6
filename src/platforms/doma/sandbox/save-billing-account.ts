import type { BillingAccountRec, BillingPropertyRec, ContextRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import type { ReceiptArg } from './receipt-input-checks.js';

/** The unit part of an address: "…, кв. 5" / "…, М/м 706" / "…, пом 3". */
const UNIT_RE = /,\s*(кв\.?|квартира|м\/м|пом\.?|помещение|офис|кладовая)\s*(\S.*)$/i;
const UNIT_TYPES: Record<string, string> = { 'м/м': 'parking', кладовая: 'warehouse', офис: 'commercial' };
/** ЕЛС is kept only in its documented shape (NOTES.md). */
const ELS_RE = /^\d{2}[А-Я]{2}\d{6}$/;

/** The house part of an address and its unit, as the platform splits them (simplified). */
export function splitUnit(address: string): {
  house: string;
  unitName: string | null;
  unitType: string | null;
} {
  const m = UNIT_RE.exec(address);
  if (!m) return { house: address.trim(), unitName: null, unitType: null };
  const marker = (m[1] ?? '').toLowerCase().replace('.', '');
  return {
    house: address.slice(0, m.index).trim(),
    unitName: m[2]?.trim() ?? null,
    unitType: UNIT_TYPES[marker] ?? 'flat',
  };
}

/** Finds or creates the billing property of the receipt's house (counted as a write when created). */
export function saveBillingProperty(store: DomaStore, ctx: ContextRec, r: ReceiptArg): BillingPropertyRec {
  const globalId = r.addressMeta?.globalId ?? null;
  const { house } = splitUnit(r.address);
  const key = `${ctx.id}|${(globalId?.split(',')[0] ?? house).trim().toLowerCase()}`;
  let rec = store.billingProperties.get(key);
  if (!rec) {
    rec = {
      id: store.newId(),
      context: ctx,
      importId: r.addressMeta?.importId ?? null,
      globalId,
      address: house,
    };
    store.billingProperties.set(key, rec);
    store.writes.billingProperties++;
  }
  return rec;
}

/** Finds, creates or updates the billing account (a write only when something changed). */
export function saveBillingAccount(
  store: DomaStore,
  ctx: ContextRec,
  property: BillingPropertyRec,
  number: string,
  r: ReceiptArg,
): BillingAccountRec {
  const unit = splitUnit(r.address);
  const meta = r.accountMeta;
  const fields = {
    property,
    importId: meta?.importId ?? null,
    globalId: meta?.globalId && ELS_RE.test(meta.globalId) ? meta.globalId : null,
    unitName: r.addressMeta?.unitName ?? unit.unitName,
    unitType: r.addressMeta?.unitType ?? unit.unitType,
    fullName: meta?.fullName ?? null,
    isClosed: meta?.isClosed ?? null,
    ownerType: meta?.ownerType ?? null,
  };
  const key = `${ctx.id}|${number}`;
  const existing = store.billingAccounts.get(key);
  if (!existing) {
    const rec: BillingAccountRec = { id: store.newId(), context: ctx, number, ...fields };
    store.billingAccounts.set(key, rec);
    store.writes.billingAccounts++;
    return rec;
  }
  const changed = (Object.keys(fields) as Array<keyof typeof fields>).some((k) => existing[k] !== fields[k]);
  if (changed) {
    Object.assign(existing, fields);
    store.writes.billingAccounts++;
  }
  return existing;
}
