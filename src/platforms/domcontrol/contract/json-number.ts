import { formatMoney } from '../../../domain/money.js';

const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/**
 * A JSON number kept as its exact text, so that it reaches the wire without ever being a float.
 * `writeJson` writes it bare; `JSON.stringify` (the engine's wire hash, error excerpts) sees a string.
 */
export class JsonNumber {
  constructor(readonly text: string) {
    if (!NUMBER_TEXT.test(text) || text === '-0') throw new Error(`"${text}" is not a plain JSON number`);
  }

  toJSON(): string {
    return this.text;
  }
}

/**
 * Integer kopecks as rubles in their shortest exact form (seed 002 §5 `-20394.86`, §6 `-2600`):
 * 30 → 0.3, 260000 → 2600, -1 → -0.01. Built from the kopeck integer by string arithmetic.
 */
export function rublesOf(kopecks: number): JsonNumber {
  return new JsonNumber(shortest(formatMoney(kopecks)));
}

/** A canonical decimal string ("33", "12.50000", "-0.0") as a JSON number. */
export function decimalNumber(text: string): JsonNumber {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a decimal`);
  const whole = m[2]!.replace(/^0+(?=\d)/, '');
  return new JsonNumber(shortest(`${m[1]}${whole}${m[3] ? `.${m[3]}` : ''}`));
}

/** Drops trailing zeros of the fraction (and the dot), and the sign of a zero. */
function shortest(text: string): string {
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return /^-0$/.test(trimmed) ? '0' : trimmed;
}
