import { ValueError } from './value-error.js';

/**
 * Money is carried as integer kopecks. Every conversion here goes through strings and BigInt so that no
 * binary floating-point rounding can ever touch an amount.
 */

// Thousands separators seen in 1С and bank exports: regular space, no-break space, thin space and narrow
// no-break space (Russian typography uses the last two).
const GROUP_SEPARATOR = '[ \\u00A0\\u2009\\u202F]';

// Either a plain run of digits or correctly grouped thousands ("1 234 567"); a dot or a comma before the
// fraction. Anchored, so anything else (two signs, two decimal separators, letters) is rejected.
const MONEY_PATTERN = new RegExp(`^([+-])?(\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})+|\\d+)(?:[.,](\\d+))?$`);

const MAX_KOPECKS = BigInt(Number.MAX_SAFE_INTEGER);

// The common shapes ("4225.57", "-20394.86", "0", 1С's "167,10"): at most 13 integer digits, so
// kopecks stay far below 2^53 and integer arithmetic on them is exact. Anything else takes the full
// path below.
const PLAIN_MONEY = /^(-?)(\d{1,13})(?:[.,](\d{1,2}))?$/;

/** Parses an amount of roubles ("4225.57", "167,10", "1 234,56", 12.5) into integer kopecks. */
export function parseMoney(input: string | number): number {
  const plain = typeof input === 'string' ? PLAIN_MONEY.exec(input) : null;
  if (plain) {
    const fraction =
      plain[3] === undefined ? 0 : plain[3].length === 1 ? Number(plain[3]) * 10 : Number(plain[3]);
    const kopecks = Number(plain[2]) * 100 + fraction;
    return plain[1] === '-' && kopecks !== 0 ? -kopecks : kopecks;
  }
  const text = moneyText(input);
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new ValueError('money_format', 'Amount is empty');
  }
  if (/[eE]/.test(trimmed)) {
    throw new ValueError('money_format', `Amount "${text}" uses exponent notation; write it out in full`);
  }
  const match = MONEY_PATTERN.exec(trimmed);
  if (match === null) {
    throw new ValueError('money_format', `Amount "${text}" is not a number like 1234.56 or 1 234,56`);
  }
  const [, sign, integerPart = '', fraction = ''] = match;
  if (fraction.length > 2) {
    throw new ValueError('money_scale', `Amount "${text}" has more than two decimal places`);
  }
  const digits = integerPart.replace(/\D/g, '');
  const magnitude = BigInt(digits) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (magnitude > MAX_KOPECKS) {
    throw new ValueError('money_range', `Amount "${text}" is too large to be held exactly`);
  }
  // BigInt has no negative zero, so "-0" and "-0.00" come out as plain 0.
  return Number(sign === '-' ? -magnitude : magnitude);
}

/**
 * JSON numbers are turned into their shortest round-trip string and then obey the same rules as text, so
 * 0.1 + 0.2 ("0.30000000000000004") is rejected instead of being silently rounded.
 */
function moneyText(input: string | number): string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new ValueError('money_format', `Amount "${String(input)}" is not a finite number`);
    }
    return String(input);
  }
  if (typeof input !== 'string') {
    throw new ValueError('money_format', `Amount "${String(input)}" is neither a string nor a number`);
  }
  return input;
}

/** Formats kopecks as roubles with exactly two decimals and a dot: 422557 → "4225.57". */
export function formatMoney(kopecks: number): string {
  // Safe integers divide exactly in floating point; the general path goes through BigInt.
  if (Number.isSafeInteger(kopecks)) {
    const magnitude = Math.abs(kopecks);
    const cents = magnitude % 100;
    return `${kopecks < 0 ? '-' : ''}${(magnitude - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
  }
  return formatMoneyScale(kopecks, 2);
}

// Generous upper bound: no partner needs more, and it keeps a bad argument from building a huge string.
const MAX_SCALE = 20;

/**
 * Formats kopecks with `scale` decimals (>= 2), padding with zeros: (16710, 8) → "167.10000000". Doma.ai
 * exchanges amounts with 8 decimals.
 */
export function formatMoneyScale(kopecks: number, scale: number): string {
  if (!Number.isSafeInteger(kopecks)) {
    throw new ValueError('money_range', `Amount "${String(kopecks)}" is not a whole number of kopecks`);
  }
  if (!Number.isInteger(scale) || scale < 2 || scale > MAX_SCALE) {
    throw new ValueError(
      'money_scale',
      `Scale "${String(scale)}" must be a whole number from 2 to ${MAX_SCALE}`,
    );
  }
  const value = BigInt(kopecks);
  const magnitude = value < 0n ? -value : value;
  const roubles = (magnitude / 100n).toString();
  const cents = (magnitude % 100n).toString().padStart(2, '0').padEnd(scale, '0');
  return `${value < 0n ? '-' : ''}${roubles}.${cents}`;
}
