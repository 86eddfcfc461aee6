import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney } from '../../web/src/format.js';

const NBSP = '\u00a0';

describe('console formats (Russian)', () => {
  it('money from the API decimal string: groups of three, a comma, the ruble sign, no float', () => {
    expect(formatMoney('25262.67')).toBe(`25${NBSP}262,67${NBSP}₽`);
    expect(formatMoney('4225.5')).toBe(`4${NBSP}225,50${NBSP}₽`);
    expect(formatMoney('0')).toBe(`0,00${NBSP}₽`);
    expect(formatMoney('-1500.00')).toBe(`−1${NBSP}500,00${NBSP}₽`);
    // Past 2^53 kopecks a float would round; the digits are kept as they are.
    expect(formatMoney('90071992547409.93')).toBe(`90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,93${NBSP}₽`);
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('abc');
  });

  it('counts with a thin group separator', () => {
    expect(formatCount(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
    expect(formatCount(null)).toBe('—');
  });
});
