import { ValueError } from './value-error.js';

/**
 * Exact decimals (meter readings, volumes, tariffs) are kept as normalised strings, never as floats, so a
 * reading of "123.456" stays exactly that all the way to the partner.
 */

// Same thousands separators as for money: space, no-break space, thin space, narrow no-break space.
const GROUP_SEPARATOR = '[ \\u00A0\\u2009\\u202F]';
const DECIMAL_PATTERN = new RegExp(`^([+-])?(\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})+|\\d+)(?:[.,](\\d+))?$`);

const PLAIN_DECIMAL = /^-?(0|[1-9]\d{0,20})(\.\d{1,8})?$/;

// The shape parseDecimal produces; compareDecimal only accepts this.
const NORMALISED_PATTERN = /^(-)?(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * Parses "123,450", " +0.5 ", "1 234.5" or a JSON number into a normalised decimal string: dot separator,
 * no '+', no superfluous leading zeros, trailing fraction zeros kept as given, never "-0".
 */
export function parseDecimal(input: string | number, maxScale = 8): string {
  // Fast path for the already-normalised shape, the common case on bulk loads.
  if (
    typeof input === 'string' &&
    maxScale === 8 &&
    PLAIN_DECIMAL.test(input) &&
    input !== '-0' &&
    !/^-0(\.0*)?$/.test(input)
  ) {
    return input;
  }
  if (!Number.isInteger(maxScale) || maxScale < 0) {
    throw new ValueError('decimal_scale', `Maximum scale "${String(maxScale)}" must be a whole number >= 0`);
  }
  const text = decimalText(input);
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new ValueError('decimal_format', 'Number is empty');
  }
  if (/[eE]/.test(trimmed)) {
    throw new ValueError('decimal_format', `Number "${text}" uses exponent notation; write it out in full`);
  }
  const match = DECIMAL_PATTERN.exec(trimmed);
  if (match === null) {
    throw new ValueError('decimal_format', `Number "${text}" is not a decimal like 123.456 or 123,456`);
  }
  const [, sign, integerPart = '', fraction] = match;
  if (fraction !== undefined && fraction.length > maxScale) {
    throw new ValueError(
      'decimal_scale',
      `Number "${text}" has ${fraction.length} decimal places; at most ${maxScale} are allowed`,
    );
  }
  const integer = integerPart.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const isZero = integer === '0' && (fraction === undefined || /^0*$/.test(fraction));
  const body = fraction === undefined ? integer : `${integer}.${fraction}`;
  return sign === '-' && !isZero ? `-${body}` : body;
}

function decimalText(input: string | number): string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new ValueError('decimal_format', `Number "${String(input)}" is not finite`);
    }
    // Shortest round-trip form; large or tiny numbers come out with an exponent and are rejected above.
    return String(input);
  }
  if (typeof input !== 'string') {
    throw new ValueError('decimal_format', `Number "${String(input)}" is neither a string nor a number`);
  }
  return input;
}

/** Compares two normalised decimal strings (as produced by parseDecimal) exactly. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const left = splitNormalised(a);
  const right = splitNormalised(b);
  // Scale both to the same number of fraction digits and compare as integers.
  const scale = Math.max(left.fraction.length, right.fraction.length);
  const leftValue = toScaledInteger(left, scale);
  const rightValue = toScaledInteger(right, scale);
  if (leftValue < rightValue) return -1;
  if (leftValue > rightValue) return 1;
  return 0;
}

/** a − b of two normalised decimal strings, exactly, with the larger of their scales: ("10.5", "3.25") → "7.25". */
export function subtractDecimal(a: string, b: string): string {
  const left = splitNormalised(a);
  const right = splitNormalised(b);
  const scale = Math.max(left.fraction.length, right.fraction.length);
  const diff = toScaledInteger(left, scale) - toScaledInteger(right, scale);
  const digits = (diff < 0n ? -diff : diff).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${diff < 0n ? '-' : ''}${integer}${fraction}`;
}

interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

function splitNormalised(value: string): DecimalParts {
  const match = typeof value === 'string' ? NORMALISED_PATTERN.exec(value) : null;
  if (match === null) {
    throw new ValueError('decimal_format', `Number "${String(value)}" is not a normalised decimal`);
  }
  return { negative: match[1] === '-', integer: match[2] ?? '0', fraction: match[3] ?? '' };
}

function toScaledInteger(parts: DecimalParts, scale: number): bigint {
  const magnitude = BigInt(parts.integer + parts.fraction.padEnd(scale, '0'));
  return parts.negative ? -magnitude : magnitude;
}
