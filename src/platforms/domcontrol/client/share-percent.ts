import { decimalNumber } from '../contract/json-number.js';

/**
 * An ownership share ("1/2", "0.5", "1") as the percent seed 002 §2's example shows (`"50"`),
 * rounded half up to two decimals by integer arithmetic: "1/3" → "33.33".
 */
export function sharePercent(share: string): string {
  const [num, den] = share.includes('/') ? share.split('/') : decimalFraction(share);
  const n = BigInt(num!);
  const d = BigInt(den!);
  const hundredths = (n * 10_000n * 2n + d) / (2n * d); // percent × 100, rounded half up
  const whole = hundredths / 100n;
  const cents = (hundredths % 100n).toString().padStart(2, '0');
  return decimalNumber(`${whole}.${cents}`).text;
}

/** "0.25" → ["25", "100"]. */
function decimalFraction(text: string): [string, string] {
  const [whole, fraction = ''] = text.split('.');
  return [`${whole}${fraction}`, `1${'0'.repeat(fraction.length)}`];
}
