import { describe, expect, it } from 'vitest';
import {
  nextPeriod,
  parsePeriod,
  periodFirstDay,
  periodFromYearMonth,
  periodToMMYY,
  periodToMMYYYY,
  periodYearMonth,
  prevPeriod,
} from '../../src/domain/period.js';
import { errorOf } from '../support/value-error-of.js';

describe('parsePeriod', () => {
  it.each(['2024-01', '2024-12', '1900-01', '2199-12', '2026-03'])('accepts %s unchanged', (period) => {
    expect(parsePeriod(period)).toBe(period);
  });

  it.each([
    '2024-00',
    '2024-13',
    '1899-12',
    '2200-01',
    '2024-1',
    '24-01',
    '2024-01-01',
    '2024/01',
    '202401',
    '01-2024',
    ' 2024-01',
    '2024-01 ',
    '',
    'abcd-ef',
    '２０２４-01',
  ])('rejects %j with period_format', (input) => {
    const error = errorOf(() => parsePeriod(input));
    expect(error.code).toBe('period_format');
    expect(error.message).toContain(`"${input}"`);
  });

  it('rejects a non-string with period_format', () => {
    expect(errorOf(() => parsePeriod(202401 as unknown as string)).code).toBe('period_format');
  });
});

describe('periodFromYearMonth / periodYearMonth', () => {
  it.each<[number, number, string]>([
    [2024, 1, '2024-01'],
    [2024, 12, '2024-12'],
    [1900, 1, '1900-01'],
    [2199, 12, '2199-12'],
  ])('(%i, %i) ⇄ %s', (year, month, period) => {
    expect(periodFromYearMonth(year, month)).toBe(period);
    expect(periodYearMonth(period)).toEqual({ year, month });
  });

  it.each<[number, number]>([
    [2024, 0],
    [2024, 13],
    [2024, 1.5],
    [1899, 12],
    [2200, 1],
    [2024.5, 1],
    [Number.NaN, 1],
  ])('rejects (%d, %d) with period_format', (year, month) => {
    expect(errorOf(() => periodFromYearMonth(year, month)).code).toBe('period_format');
  });

  it('rejects a bad period in periodYearMonth', () => {
    expect(errorOf(() => periodYearMonth('2024-13')).code).toBe('period_format');
  });
});

describe('nextPeriod / prevPeriod', () => {
  it.each<[string, string]>([
    ['2024-01', '2024-02'],
    ['2024-11', '2024-12'],
    ['2024-12', '2025-01'],
    ['1999-12', '2000-01'],
  ])('%s → next %s, and back', (period, next) => {
    expect(nextPeriod(period)).toBe(next);
    expect(prevPeriod(next)).toBe(period);
  });

  it('refuses to leave the supported year window', () => {
    expect(errorOf(() => nextPeriod('2199-12')).code).toBe('period_format');
    expect(errorOf(() => prevPeriod('1900-01')).code).toBe('period_format');
  });

  it('validates its input', () => {
    expect(errorOf(() => nextPeriod('2024-13')).code).toBe('period_format');
    expect(errorOf(() => prevPeriod('nonsense')).code).toBe('period_format');
  });
});

describe('period conversions', () => {
  it.each<[string, string, string, string]>([
    ['2024-01', '2024-01-01', '01-24', '012024'],
    ['2000-12', '2000-12-01', '12-00', '122000'],
    ['1999-07', '1999-07-01', '07-99', '071999'],
    ['2105-10', '2105-10-01', '10-05', '102105'],
  ])('%s → first day %s, MM-YY %s, MMYYYY %s', (period, firstDay, mmyy, mmyyyy) => {
    expect(periodFirstDay(period)).toBe(firstDay);
    expect(periodToMMYY(period)).toBe(mmyy);
    expect(periodToMMYYYY(period)).toBe(mmyyyy);
  });

  it.each([periodFirstDay, periodToMMYY, periodToMMYYYY])('%o validates its input', (convert) => {
    expect(errorOf(() => convert('2024-00')).code).toBe('period_format');
  });
});
