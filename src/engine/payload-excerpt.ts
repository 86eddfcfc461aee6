/**
 * A short excerpt of a wire payload for a record error, safe to store and show: the shape and the
 * codes, never personal data. A string survives only when it looks like an identifier, a date or a
 * code (ASCII, no spaces, short) and its field is not a personal one; ФИО, addresses, phones and
 * e-mails become `"…"`.
 */
const PERSONAL_FIELD =
  /name|fio|фио|address|addr|phone|email|mail|passport|snils|birth|person|owner|resident|contact/i;
const SAFE_STRING = /^[\w.:/+-]{0,40}$/;
const MAX = 400;

export function payloadExcerpt(payload: unknown): string {
  const text = JSON.stringify(mask(payload, '', 0)) ?? 'null';
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function mask(value: unknown, field: string, depth: number): unknown {
  if (typeof value === 'string') return !PERSONAL_FIELD.test(field) && SAFE_STRING.test(value) ? value : '…';
  if (typeof value !== 'object' || value === null) return PERSONAL_FIELD.test(field) ? '…' : value;
  if (depth >= 3) return Array.isArray(value) ? `[${value.length}]` : '{…}';
  if (Array.isArray(value)) return value.slice(0, 3).map((v) => mask(v, field, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = mask(v, k, depth + 1);
  return out;
}
