const DECIMAL_RE = /^\s*(-)?(\d+)(?:[.,](\d*))?\s*$/;
const SCALE = 8;

/**
 * A decimal string as the platform answers it, with 8 decimals ("167.1" → "167.10000000"); digits past
 * the 8th are rounded half up. By string and BigInt arithmetic, never floats. Undefined when not a
 * decimal (a decimal comma is accepted).
 */
export function toDecimal8(value: string): string | undefined {
  const m = DECIMAL_RE.exec(value);
  if (!m) return undefined;
  const [, minus, int = '0', frac = ''] = m;
  let units = BigInt(int + frac.slice(0, SCALE).padEnd(SCALE, '0'));
  if ((frac[SCALE] ?? '0') >= '5') units += 1n;
  const digits = units.toString().padStart(SCALE + 1, '0');
  const sign = minus && units !== 0n ? '-' : '';
  return `${sign}${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`;
}
