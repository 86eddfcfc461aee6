import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyScale, parseMoney } from '../../src/domain/money.js';
import { errorOf } from '../support/value-error-of.js';

describe('parseMoney', () => {
  it.each<[string | number, number]>([
    ['4225.57', 422557],
    ['167,10', 16710],
    ['0', 0],
    ['0.00', 0],
    ['-20394.86', -2039486],
    ['+5', 500],
    ['12.5', 1250],
    ['12,5', 1250],
    [' 12.50 ', 1250],
    ['\t7\n', 700],
    ['1 234,56', 123456],
    ['1 234.56', 123456],
    ['1\u00A0234,56', 123456],
    ['1\u2009234,56', 123456],
    ['1\u202F234,56', 123456],
    ['12 345 678.90', 1234567890],
    ['-1 000', -100000],
    ['0.01', 1],
    ['-0.05', -5],
    ['007.50', 750],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ['-90071992547409.91', -Number.MAX_SAFE_INTEGER],
    [4225.57, 422557],
    [167.1, 16710],
    [0, 0],
    [-20394.86, -2039486],
    [12.5, 1250],
    [100, 10000],
  ])('parses %j as %i kopecks', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each(['-0', '-0.00', '+0', -0])('turns %j into plain 0, not -0', (input) => {
    expect(Object.is(parseMoney(input), 0)).toBe(true);
  });

  it.each<[string | number, string]>([
    ['12.345', 'money_scale'],
    ['0.001', 'money_scale'],
    ['12.500', 'money_scale'],
    [0.1 + 0.2, 'money_scale'],
    [1.005, 'money_scale'],
    ['1e5', 'money_format'],
    ['1E5', 'money_format'],
    ['1.5e2', 'money_format'],
    [1e21, 'money_format'],
    [1e-7, 'money_format'],
    ['NaN', 'money_format'],
    ['Infinity', 'money_format'],
    ['-Infinity', 'money_format'],
    [Number.NaN, 'money_format'],
    [Number.POSITIVE_INFINITY, 'money_format'],
    [Number.NEGATIVE_INFINITY, 'money_format'],
    ['', 'money_format'],
    ['   ', 'money_format'],
    ['abc', 'money_format'],
    ['12 руб.', 'money_format'],
    ['12a', 'money_format'],
    ['--5', 'money_format'],
    ['+-5', 'money_format'],
    ['- 5', 'money_format'],
    ['1.2.3', 'money_format'],
    ['1,234.56', 'money_format'],
    ['1.234,56', 'money_format'],
    ['12,', 'money_format'],
    ['.5', 'money_format'],
    ['1 23', 'money_format'],
    ['1234 567', 'money_format'],
    ['1  234', 'money_format'],
    ['0x10', 'money_format'],
    ['١٢', 'money_format'],
    ['90071992547409.92', 'money_range'],
    ['-90071992547409.92', 'money_range'],
    ['100000000000000000000', 'money_range'],
    [1e20, 'money_range'],
  ])('rejects %j with %s', (input, code) => {
    expect(errorOf(() => parseMoney(input)).code).toBe(code);
  });

  it('quotes the bad value in the message', () => {
    expect(errorOf(() => parseMoney('12.345')).message).toContain('"12.345"');
    expect(errorOf(() => parseMoney('abc')).message).toContain('"abc"');
  });

  it('rejects values that are neither strings nor numbers', () => {
    expect(errorOf(() => parseMoney(null as unknown as string)).code).toBe('money_format');
  });
});

describe('formatMoney', () => {
  it.each<[number, string]>([
    [422557, '4225.57'],
    [-5, '-0.05'],
    [0, '0.00'],
    [-0, '0.00'],
    [-2039486, '-20394.86'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [123456789, '1234567.89'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [-Number.MAX_SAFE_INTEGER, '-90071992547409.91'],
  ])('formats %i kopecks as %s', (kopecks, expected) => {
    expect(formatMoney(kopecks)).toBe(expected);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, 2 ** 60])(
    'rejects %d with money_range',
    (kopecks) => {
      expect(errorOf(() => formatMoney(kopecks)).code).toBe('money_range');
    },
  );

  it.each(['0.00', '4225.57', '-20394.86', '0.05', '-0.05', '90071992547409.91'])(
    'round-trips %s',
    (text) => {
      expect(formatMoney(parseMoney(text))).toBe(text);
    },
  );
});

describe('formatMoneyScale', () => {
  it.each<[number, number, string]>([
    [16710, 8, '167.10000000'],
    [16710, 2, '167.10'],
    [-5, 4, '-0.0500'],
    [0, 8, '0.00000000'],
    [422557, 3, '4225.570'],
  ])('formats %i kopecks with scale %i as %s', (kopecks, scale, expected) => {
    expect(formatMoneyScale(kopecks, scale)).toBe(expected);
  });

  it.each([1, 0, -1, 2.5, 21, Number.NaN])('rejects scale %d with money_scale', (scale) => {
    expect(errorOf(() => formatMoneyScale(100, scale)).code).toBe('money_scale');
  });

  it('rejects non-integer kopecks with money_range', () => {
    expect(errorOf(() => formatMoneyScale(1.5, 8)).code).toBe('money_range');
  });
});
