import { describe, expect, it } from 'vitest';
import { compareDecimal, parseDecimal } from '../../src/domain/decimal.js';
import { errorOf } from '../support/value-error-of.js';

describe('parseDecimal', () => {
  it.each<[string | number, string]>([
    ['123.456', '123.456'],
    ['123,456', '123.456'],
    [' 12.50 ', '12.50'],
    ['+5', '5'],
    ['-5', '-5'],
    ['007', '7'],
    ['000', '0'],
    ['00.5', '0.5'],
    ['-00.50', '-0.50'],
    ['0.10000000', '0.10000000'],
    ['-0', '0'],
    ['-0.000', '0.000'],
    ['+0.0', '0.0'],
    ['1 234,5', '1234.5'],
    ['1\u00A0234\u00A0567.125', '1234567.125'],
    ['12345678901234567890.12345678', '12345678901234567890.12345678'],
    [0.1, '0.1'],
    [123.456, '123.456'],
    [-0, '0'],
    [-2.5, '-2.5'],
    [42, '42'],
    // String(0.000001) is still positional; one more zero turns it into "1e-7" (rejected below).
    [0.000001, '0.000001'],
  ])('normalises %j to %s', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each<[string | number, number, string]>([
    ['1.234', 3, '1.234'],
    ['1.5', 1, '1.5'],
    ['15', 0, '15'],
  ])('accepts %j within max scale %i', (input, maxScale, expected) => {
    expect(parseDecimal(input, maxScale)).toBe(expected);
  });

  it.each<[string | number, number | undefined, string]>([
    ['0.123456789', undefined, 'decimal_scale'],
    [0.1 + 0.2, undefined, 'decimal_scale'],
    ['1.234', 2, 'decimal_scale'],
    ['1.0', 0, 'decimal_scale'],
    ['1', -1, 'decimal_scale'],
    ['1', 1.5, 'decimal_scale'],
    ['1e5', undefined, 'decimal_format'],
    ['2E-3', undefined, 'decimal_format'],
    [1e21, undefined, 'decimal_format'],
    [1e-7, undefined, 'decimal_format'],
    ['NaN', undefined, 'decimal_format'],
    ['Infinity', undefined, 'decimal_format'],
    [Number.NaN, undefined, 'decimal_format'],
    [Number.NEGATIVE_INFINITY, undefined, 'decimal_format'],
    ['', undefined, 'decimal_format'],
    [' ', undefined, 'decimal_format'],
    ['abc', undefined, 'decimal_format'],
    ['1.2.3', undefined, 'decimal_format'],
    ['1,2,3', undefined, 'decimal_format'],
    ['--1', undefined, 'decimal_format'],
    ['+-1', undefined, 'decimal_format'],
    ['1.', undefined, 'decimal_format'],
    ['.5', undefined, 'decimal_format'],
    ['12 34', undefined, 'decimal_format'],
    ['5 кВт', undefined, 'decimal_format'],
  ])('rejects %j (max scale %s) with %s', (input, maxScale, code) => {
    expect(errorOf(() => parseDecimal(input, maxScale)).code).toBe(code);
  });

  it('quotes the bad value in the message', () => {
    expect(errorOf(() => parseDecimal('0.123456789')).message).toContain('"0.123456789"');
  });
});

describe('compareDecimal', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['1', '1', 0],
    ['1', '1.000', 0],
    ['0', '0.00', 0],
    ['1.5', '1.50', 0],
    ['1.5', '1.49', 1],
    ['1.49', '1.5', -1],
    ['-1', '1', -1],
    ['1', '-1', 1],
    ['-1.5', '-1.4', -1],
    ['-0.01', '0', -1],
    ['10', '9.999', 1],
    ['12345678901234567890.1', '12345678901234567890.09', 1],
    ['9007199254740993', '9007199254740992', 1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
  });

  it('agrees with parseDecimal output', () => {
    expect(compareDecimal(parseDecimal('1 000,5'), parseDecimal('+1000.50'))).toBe(0);
  });

  it.each([
    ['1,5', '1'],
    ['+1', '1'],
    ['01', '1'],
    ['1e3', '1'],
    ['', '1'],
    ['1', ' 1'],
    ['1', '1.'],
  ])('rejects non-normalised input %j / %j with decimal_format', (a, b) => {
    expect(errorOf(() => compareDecimal(a, b)).code).toBe('decimal_format');
  });
});
