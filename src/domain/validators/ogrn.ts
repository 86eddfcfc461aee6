/**
 * ОГРН (13 digits, organisations) and ОГРНИП (15 digits, ИП). The check digit is the remainder of the
 * leading number modulo 11 (ОГРН) or 13 (ОГРНИП), taken mod 10. The 14-digit ОГРНИП prefix exceeds
 * Number.MAX_SAFE_INTEGER, hence BigInt.
 */

export function isValidOgrn(value: string): boolean {
  return explainOgrn(value) === null;
}

/** Null when the ОГРН/ОГРНИП is valid, otherwise a short reason. */
export function explainOgrn(value: string): string | null {
  if (typeof value !== 'string') return 'ОГРН must be a string';
  if (!/^\d+$/.test(value)) return `ОГРН "${value}" must contain digits only`;
  let modulus: bigint;
  if (value.length === 13) {
    modulus = 11n;
  } else if (value.length === 15) {
    modulus = 13n;
  } else {
    return `ОГРН must have 13 digits (ОГРНИП 15), got ${value.length}`;
  }
  const body = BigInt(value.slice(0, -1));
  const expected = Number((body % modulus) % 10n);
  const actual = Number(value.slice(-1));
  return actual === expected ? null : `check digit ${actual} does not match expected ${expected}`;
}
