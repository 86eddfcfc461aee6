import { describe, expect, it } from 'vitest';
import { amountText } from '../../../src/domain/import/amount-text.js';
import { houseKey, meterKey, nameKey, premiseKey } from '../../../src/domain/import/derived-keys.js';
import { enumValue } from '../../../src/domain/import/enum-value.js';
import { compileDateFormat, parse1cDate } from '../../../src/domain/import/parse-1c-date.js';
import { parse1cInstant } from '../../../src/domain/import/parse-1c-instant.js';
import { parse1cPeriod } from '../../../src/domain/import/parse-1c-period.js';
import { parseCell, type ValueSettings } from '../../../src/domain/import/parse-cell.js';
import { splitFlatFromAddress } from '../../../src/domain/import/split-flat-from-address.js';
import { MeterResource } from '../../../src/domain/model/meter.js';
import { errorOf } from '../../support/value-error-of.js';

const plain: ValueSettings = { utcOffset: '+05:00' };

describe('1С dates', () => {
  it.each([
    ['30.11.2026', '2026-11-30'],
    ['30.11.2026 0:00:00', '2026-11-30'],
    ['1.2.2026', '2026-02-01'],
    ['2026-11-30', '2026-11-30'],
    ['2026-11-30T00:00:00', '2026-11-30'],
    ['29.02.2028', '2028-02-29'],
  ])('%s → %s', (text, date) => {
    expect(parse1cDate(text)).toBe(date);
  });

  it.each(['01.01.0001', '01.01.0001 0:00:00', '0001-01-01', '0001-01-01T00:00:00'])(
    '%s is 1С’s empty date: none',
    (text) => {
      expect(parse1cDate(text)).toBeNull();
      expect(parseCell(text, { type: 'date' }, plain)).toBeUndefined();
    },
  );

  it('refuses what is not a date, quoting the value as written', () => {
    expect(errorOf(() => parse1cDate('31.02.2026'))).toMatchObject({
      code: 'date_format',
      message: 'Date "31.02.2026" does not exist: that month has 28 days',
    });
    expect(errorOf(() => parse1cDate('30/11/2026')).message).toMatch(/DD\.MM\.YYYY or YYYY-MM-DD/);
  });

  it('reads a mapping’s dateFormat before the built-in forms', () => {
    const format = compileDateFormat('MM/DD/YYYY');
    expect(parse1cDate('11/30/2026', format)).toBe('2026-11-30');
    expect(parse1cDate('30.11.2026', format)).toBe('2026-11-30');
    expect(errorOf(() => compileDateFormat('DD.MM.YY')).message).toMatch(/"YY" is not one of/);
  });
});

describe('1С periods', () => {
  it.each([
    ['11.2026', '2026-11'],
    ['1.2026', '2026-01'],
    ['ноябрь 2026', '2026-11'],
    ['Ноябрь 2026 г.', '2026-11'],
    ['мая 2026', '2026-05'],
    ['Сентябрь 2026', '2026-09'],
    ['01.11.2026', '2026-11'],
    ['01.11.2026 0:00:00', '2026-11'],
    ['2026-11', '2026-11'],
  ])('%s → %s', (text, period) => {
    expect(parse1cPeriod(text)).toBe(period);
  });

  it.each(['13.2026', 'нобрь 2026', '2026', 'ноябрь'])('refuses %s', (text) => {
    expect(errorOf(() => parse1cPeriod(text)).code).toBe('period_format');
  });
});

describe('1С date-times', () => {
  it('adds the zone 1С leaves out', () => {
    expect(parse1cInstant('10.11.2026 14:05:31', '+05:00')).toBe('2026-11-10T14:05:31+05:00');
    expect(parse1cInstant('10.11.2026 9:05', '+03:00')).toBe('2026-11-10T09:05:00+03:00');
    expect(parse1cInstant('10.11.2026', '+03:00')).toBe('2026-11-10T00:00:00+03:00');
    expect(parse1cInstant('2026-11-10T14:05:31Z', '+03:00')).toBe('2026-11-10T14:05:31Z');
    expect(parse1cInstant('01.01.0001 0:00:00', '+03:00')).toBeNull();
    expect(errorOf(() => parse1cInstant('10.11.2026 25:00:00', '+03:00')).code).toBe('date_format');
  });
});

describe('amounts', () => {
  it('reads money with spaces, no-break spaces and a comma through the domain parser', () => {
    expect(parseCell('1 234,56', { type: 'money' }, plain)).toBe('1234.56');
    expect(parseCell('1\u00a0234\u00a0567,5', { type: 'money' }, plain)).toBe('1234567.50');
    expect(parseCell('-150,00', { type: 'money' }, plain)).toBe('-150.00');
    expect(errorOf(() => parseCell('12,345', { type: 'money' }, plain)).code).toBe('money_scale');
  });

  it('turns debt written with a minus around', () => {
    expect(parseCell('-1 200,00', { type: 'money' }, plain, true)).toBe('1200.00');
    expect(parseCell('0,00', { type: 'money' }, plain, true)).toBe('0.00');
  });

  it('lets the decimal separator decide what groups thousands', () => {
    expect(amountText('1.234.567,89', ',')).toBe('1234567,89');
    expect(amountText('1.234', ',')).toBe('1234');
    expect(amountText('1,234', '.')).toBe('1234');
    expect(amountText('1,234', undefined)).toBe('1,234');
    expect(amountText('12.5', ',')).toBe('12.5');
    expect(parseCell('1,234', { type: 'decimal' }, plain)).toBe('1.234');
    expect(parseCell('1,234', { type: 'decimal' }, { ...plain, decimalSeparator: '.' })).toBe('1234');
  });
});

describe('other cells', () => {
  it('reads enums by their Russian names, and says which values there are', () => {
    const resources = MeterResource.options;
    expect(enumValue(resources, 'ХВС')).toBe('cold_water');
    expect(enumValue(resources, 'горячая  вода')).toBe('hot_water');
    expect(enumValue(resources, 'heat')).toBe('heat');
    expect(errorOf(() => enumValue(resources, 'пар')).message).toMatch(/cold_water \(«ХВС»\)/);
  });

  it('reads numbers, да/нет and lists', () => {
    expect(parseCell('3', { type: 'number' }, plain)).toBe(3);
    expect(errorOf(() => parseCell('три', { type: 'number' }, plain)).code).toBe('number_format');
    expect(parseCell('Да', { type: 'boolean' }, plain)).toBe(true);
    expect(parseCell('нет', { type: 'boolean' }, plain)).toBe(false);
    const phones = { type: 'list', of: { type: 'text' } } as const;
    expect(parseCell('+7 912 000-00-00, +7 912 000-00-01', phones, plain)).toEqual([
      '+7 912 000-00-00',
      '+7 912 000-00-01',
    ]);
    expect(parseCell('a|b', phones, plain)).toEqual(['a', 'b']);
    expect(parseCell('[{"name":"x"}]', { type: 'list', of: { type: 'json' } }, plain)).toEqual([
      { name: 'x' },
    ]);
  });
});

describe('derived keys', () => {
  it('gives one house key to one address however it is spaced', () => {
    const key = houseKey('г. Челябинск, ул. Ленина, д. 5');
    expect(key).toMatch(/^h-[0-9a-f]{16}$/);
    expect(houseKey('г.Челябинск,  ул.Ленина,д.5')).toBe(key);
    expect(houseKey('Г. ЧЕЛЯБИНСК, УЛ. ЛЕНИНА, Д. 5')).toBe(key);
    expect(houseKey('г. Челябинск, ул. Ленина, д. 7')).not.toBe(key);
    expect(premiseKey(key, ' 12А ')).toBe(`${key}/12а`);
    expect(meterKey('7401000012', '19-123456')).toBe('7401000012/19-123456');
    expect(nameKey('  Содержание   жилого помещения ')).toBe('содержание жилого помещения');
  });

  it('takes the flat from the end of an address', () => {
    expect(splitFlatFromAddress('г. Челябинск, ул. Ленина, д. 5, кв. 12')).toEqual({
      houseAddress: 'г. Челябинск, ул. Ленина, д. 5',
      number: '12',
    });
    expect(splitFlatFromAddress('г. Челябинск, ул. Ленина, д.5, кв.12а')?.number).toBe('12а');
    expect(splitFlatFromAddress('ул. Ленина, д. 5, пом. 3')?.number).toBe('3');
    expect(splitFlatFromAddress('г. Челябинск, ул. Ленина, д. 5')).toBeUndefined();
  });
});
