import { toDecimal8 } from './decimal8.js';
import type { ReceiptArg } from './receipt-input-checks.js';

/** Fields of toPayDetails that are text, not amounts. */
const TEXT_DETAILS = new Set(['formula', 'measure']);

/** Every decimal field of a receipt with its name, for the format check. */
export function decimalFieldsOf(r: ReceiptArg): Array<[string, string | null | undefined]> {
  const out: Array<[string, string | null | undefined]> = [['toPay', r.toPay]];
  for (const [k, v] of Object.entries(r.toPayDetails ?? {}))
    if (!TEXT_DETAILS.has(k)) out.push([`toPayDetails.${k}`, v]);
  (r.services ?? []).forEach((s, i) => {
    if (!s) return;
    out.push([`services[${i}].toPay`, s.toPay]);
    for (const [k, v] of Object.entries(s.toPayDetails ?? {})) {
      if (!TEXT_DETAILS.has(k)) out.push([`services[${i}].toPayDetails.${k}`, v]);
    }
  });
  return out;
}

/** toPayDetails as stored and answered: amounts with 8 decimals, text as sent, nulls kept. */
export function normalizeDetails(
  details: Record<string, string | null | undefined> | null | undefined,
): Record<string, string | null> | null {
  if (!details) return null;
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(details)) {
    if (v === undefined) continue;
    out[k] = v === null || TEXT_DETAILS.has(k) ? v : (toDecimal8(v) ?? v);
  }
  return out;
}

export function normalizeServices(services: ReceiptArg['services']): Array<Record<string, unknown>> | null {
  if (!services) return null;
  return services
    .filter((s) => s !== null)
    .map((s) => ({
      id: s.id ?? null,
      name: s.name,
      toPay: toDecimal8(s.toPay) ?? s.toPay,
      toPayDetails: normalizeDetails(s.toPayDetails),
    }));
}
