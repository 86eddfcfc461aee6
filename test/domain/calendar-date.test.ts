import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime1C, toDateTime1C } from '../../src/domain/calendar-date.js';
import { errorOf } from '../support/value-error-of.js';

describe('parseDate', () => {
  it.each([
    '2024-01-01',
    '2024-01-31',
    '2024-02-29',
    '2000-02-29',
    '2023-02-28',
    '2024-04-30',
    '2024-12-31',
    '1900-01-01',
    '2199-12-31',
  ])('accepts %s unchanged', (date) => {
    expect(parseDate(date)).toBe(date);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2100-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-06-31',
    '2024-09-31',
    '2024-11-31',
    '2024-01-32',
    '2024-01-00',
    '2024-00-10',
    '2024-13-01',
    '1899-12-31',
    '2200-01-01',
    '0001-01-01',
    '2024-1-01',
    '2024-01-1',
    '24-01-01',
    '2024/01/01',
    '01.01.2024',
    '2024-01-01T00:00:00',
    ' 2024-01-01',
    '2024-01-01 ',
    '',
  ])('rejects %j with date_format', (input) => {
    const error = errorOf(() => parseDate(input));
    expect(error.code).toBe('date_format');
    expect(error.message).toContain(`"${input}"`);
  });
});

describe('parseDateTime1C', () => {
  it('maps the 1С empty date to null', () => {
    expect(parseDateTime1C('0001-01-01T00:00:00')).toBeNull();
  });

  it.each(['2024-01-05T00:00:00', '2024-02-29T23:59:59', '2024-12-31T12:30:05'])(
    'returns %s unchanged',
    (value) => {
      expect(parseDateTime1C(value)).toBe(value);
    },
  );

  it.each([
    '2024-01-05',
    '2024-01-05T00:00',
    '2024-01-05 00:00:00',
    '2024-01-05T00:00:00Z',
    '2024-01-05T00:00:00.000',
    '2023-02-29T00:00:00',
    '2024-01-05T24:00:00',
    '2024-01-05T12:60:00',
    '2024-01-05T12:00:60',
    '0001-01-01T00:00:01',
    '0001-01-01',
    '',
  ])('rejects %j with date_format', (input) => {
    const error = errorOf(() => parseDateTime1C(input));
    expect(error.code).toBe('date_format');
    expect(error.message).toContain(`"${input}"`);
  });
});

describe('toDateTime1C', () => {
  it.each<[string | null, string]>([
    [null, '0001-01-01T00:00:00'],
    ['2024-01-05', '2024-01-05T00:00:00'],
    ['2024-02-29', '2024-02-29T00:00:00'],
  ])('writes %j as %s', (date, expected) => {
    expect(toDateTime1C(date)).toBe(expected);
  });

  it('round-trips through parseDateTime1C', () => {
    expect(parseDateTime1C(toDateTime1C(null))).toBeNull();
    expect(parseDateTime1C(toDateTime1C('2024-01-05'))).toBe('2024-01-05T00:00:00');
  });

  it.each(['2023-02-29', '2024-01-05T00:00:00', ''])('rejects %j with date_format', (input) => {
    expect(errorOf(() => toDateTime1C(input)).code).toBe('date_format');
  });
});
