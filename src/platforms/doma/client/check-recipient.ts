import { issuesToErrors } from '../../../domain/issues-to-errors.js';
import { Recipient } from '../../../domain/model/bank-details.js';

type Checked = { ok: true; recipient: Recipient } | { ok: false; code: string; message: string };

/** An organisation has a handful of bank accounts: the check of each is remembered (it is pure). */
const known = new Map<string, Checked>();
const MAX_KNOWN = 1000;

/**
 * The receipt's recipient checked again before sending (ИНН, БИК, settlement account key): a wrong
 * account bounces the residents' money for up to 10 days (seed 000), so such a receipt is refused.
 */
export function checkRecipient(input: unknown): Checked {
  const id = JSON.stringify(input);
  const hit = known.get(id);
  if (hit) return hit;
  const parsed = Recipient.safeParse(input);
  let result: Checked;
  if (parsed.success) result = { ok: true, recipient: parsed.data };
  else {
    const [first] = issuesToErrors(parsed.error.issues);
    result = {
      ok: false,
      code: first?.code ?? 'recipient_invalid',
      message: `recipient.${first?.path}: ${first?.message}`,
    };
  }
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(id, result);
  return result;
}
