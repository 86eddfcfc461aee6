import { ValueError } from './value-error.js';

/** The marks a лицевой счёт number is often written with, which are not part of it. */
const ACCOUNT_MARKS_RE = /л\/с|лс|№/gi;

/**
 * A лицевой счёт number as platforms keep it: every «л/с», «лс» and «№» removed (any case, wherever
 * it stands), then the ends trimmed — exactly what Doma.ai does to the numbers it is sent
 * (reference/doma/NOTES.md, registerBillingReceipts). «л/с 123», «123 лс» and «№123» are all «123»,
 * so a billing that writes one form is not split from one that writes another. Inner spaces and
 * other characters stay. Pure: anyone keying or comparing account numbers may call it.
 */
export function cleanAccountNumber(raw: string): string {
  return raw.replace(ACCOUNT_MARKS_RE, '').trim();
}

/** cleanAccountNumber for input: a number that is nothing but marks is refused, naming them. */
export function parseAccountNumber(raw: string): string {
  const clean = cleanAccountNumber(raw);
  if (clean === '') {
    throw new ValueError(
      'account_number_empty',
      `"${raw}" is empty once «л/с», «лс» and «№» are removed: not an account number`,
    );
  }
  return clean;
}

/**
 * An inbound payload (the inbox envelope of domain/model/inbound.ts) with its `accountNumber` cleaned
 * like the canonical records', so what residents do on a platform joins the billing's accounts;
 * `source`, the platform's own row, stays as received.
 */
export function withCleanAccountNumber(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const p = payload as { accountNumber?: unknown };
  if (typeof p.accountNumber !== 'string') return payload;
  const clean = cleanAccountNumber(p.accountNumber);
  if (clean === p.accountNumber) return payload;
  const { accountNumber: _, ...rest } = p;
  return clean === '' ? rest : { ...rest, accountNumber: clean };
}
