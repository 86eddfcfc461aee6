import { describe, expect, it } from 'vitest';
import { wireKopecks } from '../../../src/platforms/domcontrol/client/domcontrol-signs.js';
import { sharePercent } from '../../../src/platforms/domcontrol/client/share-percent.js';
import {
  decimalNumber,
  JsonNumber,
  rublesOf,
} from '../../../src/platforms/domcontrol/contract/json-number.js';
import {
  isOneCDate,
  ONE_C_EMPTY_DATE,
  toOneCDate,
} from '../../../src/platforms/domcontrol/contract/one-c-date.js';
import { writeJson } from '../../../src/platforms/domcontrol/contract/write-json.js';

describe('DomControl wire formats', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1, '0.01'],
    [30, '0.3'], // 0.1 + 0.2 rubles, summed as kopecks 10 + 20
    [10 + 20, '0.3'],
    [-1, '-0.01'],
    [-2039486, '-20394.86'], // seed 002 §5's example
    [-260000, '-2600'], // seed 002 §6's example
    [100, '1'],
    [12345, '123.45'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [-Number.MAX_SAFE_INTEGER, '-90071992547409.91'],
  ])('money: %i kopecks are written %s', (kopecks, text) => {
    const body = writeJson({ amount: rublesOf(kopecks) });
    expect(body).toBe(`{"amount":${text}}`);
    // The number the platform parses is the nearest double to the exact text: same as the decimal literal.
    expect(JSON.parse(body).amount).toBe(Number(text));
  });

  it('refuses money that is not whole kopecks, never rounding', () => {
    expect(() => rublesOf(0.1 + 0.2)).toThrow();
    expect(() => rublesOf(2 ** 53)).toThrow();
  });

  it.each([
    ['33', '33'],
    ['12.50000', '12.5'],
    ['007.10', '7.1'],
    ['0.00000001', '0.00000001'],
    ['-0.0', '0'],
    ['123456789012.12345678', '123456789012.12345678'],
  ])('a decimal %s is written %s', (decimal, text) => {
    expect(writeJson([decimalNumber(decimal)])).toBe(`[${text}]`);
  });

  it('writes JSON like JSON.stringify apart from exact numbers, and hashes them as text', () => {
    const value = { a: 'кв. "1"\n', b: [1, true, null], c: undefined, d: { e: new JsonNumber('-1.5') } };
    expect(writeJson(value)).toBe('{"a":"кв. \\"1\\"\\n","b":[1,true,null],"d":{"e":-1.5}}');
    expect(JSON.stringify(value)).toContain('"e":"-1.5"');
    expect(() => new JsonNumber('1e5')).toThrow();
    expect(() => new JsonNumber('-0')).toThrow();
    expect(() => writeJson({ x: Number.NaN })).toThrow();
  });

  it.each([
    [undefined, ONE_C_EMPTY_DATE],
    ['2014-03-31', '2014-03-31T00:00:00'],
    ['2024-02-29', '2024-02-29T00:00:00'],
  ])('a date %s is written %s', (date, text) => {
    expect(toOneCDate(date)).toBe(text);
    expect(isOneCDate(text)).toBe(true);
  });

  it.each([
    '2023-02-29T00:00:00',
    '2024-13-01T00:00:00',
    '2024-01-01 00:00:00',
    '2024-01-01',
    '2024-01-01T24:00:00',
  ])('%s is not a 1С date', (text) => {
    expect(isOneCDate(text)).toBe(false);
  });

  it.each([
    [10000, 'account', -10000],
    [-500, 'account', 500],
    [10000, 'debt', 10000],
    [0, 'account', 0],
  ] as const)('sign: canonical %i with signs=%s is %i on the wire', (canonical, signs, wire) => {
    expect(Object.is(wireKopecks(canonical, signs), wire)).toBe(true);
  });

  it.each([
    ['1/2', '50'],
    ['1/3', '33.33'],
    ['2/3', '66.67'],
    ['0.5', '50'],
    ['1', '100'],
    ['0.125', '12.5'],
  ])('share %s is %s percent', (share, percent) => {
    expect(sharePercent(share)).toBe(percent);
  });
});
