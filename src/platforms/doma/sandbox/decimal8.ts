const DECIMAL_RE = /^\s*(-)?(\d+)(?:[.,](\d*))?\s*$/;
const SCALE = 8;

/**
 * A decimal string as the platform answers it, with 8 decimals ("167.1" → "167.10000000"); digits past
 * the 8th are rounded half up. By string and BigInt arithmetic, never floats. Undefined when not a
 * decimal (a decimal comma is accepted).
 */
export function toDecimal8(value: string): string | undefined {
  const hit = memo.get(value);
  if (hit !== undefined) return hit;
  const out = convert(value);
  if (out !== undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(value, out);
  }
  return out;
}

/** Receipts repeat the same few amounts (tariffs, zeros): a bounded memo saves most conversions. */
const MEMO_SIZE = 50_000;
const memo = new Map<string, string>();

function convert(value: string): string | undefined {
  const m = DECIMAL_RE.exec(value);
  if (!m) return undefined;
  const [, minus, int = '0', frac = ''] = m;
  if (frac.length <= SCALE) {
    // The common case needs no rounding: pad the fraction, drop leading zeros of the integer part.
    const whole = int.replace(/^0+(?=\d)/, '');
    const zero = whole === '0' && /^0*$/.test(frac);
    return `${minus && !zero ? '-' : ''}${whole}.${frac.padEnd(SCALE, '0')}`;
  }
  let units = BigInt(int + frac.slice(0, SCALE).padEnd(SCALE, '0'));
  if ((frac[SCALE] ?? '0') >= '5') units += 1n;
  const digits = units.toString().padStart(SCALE + 1, '0');
  const sign = minus && units !== 0n ? '-' : '';
  return `${sign}${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`;
}
