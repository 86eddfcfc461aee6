import { describe, expect, it } from 'vitest';
import { Counter } from '../../../src/platforms/uzhkh/contract/counter.js';
import { Payment } from '../../../src/platforms/uzhkh/contract/payment.js';
import {
  Unreadable,
  WIRE_READERS,
  type WireValueKind,
} from '../../../src/platforms/uzhkh/contract/wire-readers.js';

type Row = [kind: WireValueKind, sent: unknown, read: unknown];

/**
 * seed 001 types its values as C# types (decimal, int, DateTime) and strings of a stated format. A
 * value read one way only is read, in the document's format; anything else is refused with why.
 */
const READ: Row[] = [
  ['decimal', 12.5, 12.5],
  ['decimal', '12.5', '12.5'],
  ['decimal', '12,5', '12.5'],
  ['decimal', ' 1 234,5 ', '1234.5'],
  ['decimal', -0.125, -0.125],
  ['money', 1001.5, 1001.5],
  ['money', '1001,50', '1001.50'],
  ['money', '1 500', '1500.00'],
  ['money', '-20 394,86', '-20394.86'],
  ['int', 5, 5],
  ['int', ' 5 ', 5],
  ['int', '-3', -3],
  ['dateTime', '2024-05-01T10:00:00', '2024-05-01T10:00:00'],
  ['dateTime', '2024-05-1T9:30', '2024-05-01T09:30:00'],
  ['dateTime', '2024-05-01 10:00', '2024-05-01T10:00:00'],
  ['dateTime', '2024-05-01', '2024-05-01T00:00:00'],
  ['dateTime', '01.05.2024 9:30:15', '2024-05-01T09:30:15'],
  ['dateTime', '1.5.2024', '2024-05-01T00:00:00'],
  ['dateTime', '2024-05-01T10:00:00.1234567', '2024-05-01T10:00:00.1234567'],
  ['dateTime', '2024-05-01T10:00:00+0300', '2024-05-01T10:00:00+03:00'],
  ['dateTime', '2024-05-01T07:00:00z', '2024-05-01T07:00:00Z'],
  ['dateTime', '2024-02-29T10:00:00', '2024-02-29T10:00:00'],
  ['monthYear', '05.2024', '05.2024'],
  ['monthYear', '5.2024', '05.2024'],
  ['monthYear', '2024-05', '05.2024'],
  ['dayMonthYear', '01.05.2024', '01.05.2024'],
  ['dayMonthYear', '1.5.2024', '01.05.2024'],
  ['dayMonthYear', '2024-05-01', '01.05.2024'],
  ['dayMonthYear', '01.05.2024 0:00:00', '01.05.2024'],
  ['hourMinute', '09:30', '09:30'],
  ['hourMinute', '9:30', '09:30'],
  ['hourMinute', '09:30:00', '09:30'],
  ['monthNameYear', 'декабрь 2022', 'декабрь 2022'],
  ['monthNameYear', 'Декабря 2022 г.', 'декабрь 2022'],
  ['monthNameYear', 'марта 2023', 'март 2023'],
  ['monthNameYear', 'май 2023', 'май 2023'],
  ['monthNameYear', '12.2022', 'декабрь 2022'],
];

const REFUSED: Array<[kind: WireValueKind, sent: unknown, why: RegExp]> = [
  ['decimal', 'много', /cannot be read as a number: "много"/],
  ['decimal', '1,234.5', /cannot be read as a number/],
  ['decimal', '1e3', /exponent/],
  ['decimal', true, /cannot be read as a number/],
  ['money', '10.005', /more than two decimal places/],
  ['money', 10.005, /more than two decimal places/],
  ['money', 'сто', /cannot be read as rubles and kopecks/],
  ['int', 5.5, /cannot be read as a whole number: 5.5/],
  ['int', 'пять', /cannot be read as a whole number/],
  ['dateTime', '2024-02-30T10:00:00', /cannot be read as a date and time: "2024-02-30T10:00:00"/],
  ['dateTime', '2023-02-29', /cannot be read as a date and time/],
  ['dateTime', '2024-05-01T24:00', /cannot be read as a date and time/],
  ['dateTime', '05/01/2024', /cannot be read as a date and time/], // May 1st or January 5th
  ['dateTime', 'вчера', /cannot be read as a date and time/],
  ['dateTime', 1714546800000, /cannot be read as a date and time/],
  ['monthYear', '13.2024', /cannot be read as a month "MM.yyyy"/],
  ['monthYear', 'май', /cannot be read as a month/],
  ['dayMonthYear', '31.02.2024', /cannot be read as a date "dd.MM.yyyy"/],
  ['dayMonthYear', '05/01/2024', /cannot be read as a date/],
  ['hourMinute', '25:00', /cannot be read as a time "HH:mm"/],
  ['hourMinute', '09:30:15', /cannot be read as a time/],
  ['monthNameYear', 'зима 2022', /cannot be read as a month "декабрь 2022"/],
];

describe('«Умное ЖКХ» value readers (one table for every field of every entity)', () => {
  it.each(READ)('%s %j → %j', (kind, sent, read) => {
    expect(WIRE_READERS[kind](sent)).toEqual({ ok: true, value: read });
  });

  it.each(REFUSED)('%s %j is refused', (kind, sent, why) => {
    const r = WIRE_READERS[kind](sent);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(why);
  });

  it('a required field that cannot be read refuses the snapshot, naming the field; an optional one is set aside', () => {
    const counter = {
      Id: 'C1',
      Value1: '7',
      CounterTypeIdentifier: 'WaterColdM3',
      IsPublish: true,
      FlatId: 'O1',
      TypeObject: 'Квартира',
    };
    const bad = Counter.safeParse({ ...counter, Value1: 'семь' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['Value1'], message: expect.stringMatching(/семь/) });
    expect(Counter.safeParse({ ...counter, Value1: null }).error?.issues[0]?.message).toMatch(/is required/);
    const loose = Counter.parse({ ...counter, DateTimeForValue: 'вчера', CheckDate: '0001-01-01T00:00:00' });
    expect(loose.DateTimeForValue).toBeInstanceOf(Unreadable);
    expect(loose.DateTimeForValue).toMatchObject({ value: 'вчера' });
    expect(loose.CheckDate).toBeNull(); // .NET's DateTime.MinValue: no date
    expect(Counter.parse(counter).DateTimeForValue).toBeUndefined();
    const payment = Payment.safeParse({
      Sum: 10,
      AccountNumber: '1',
      AccountId: 'A1',
      DateTime: '',
      Id: 'P1',
    });
    expect(payment.error?.issues.map((i) => i.path[0])).toContain('DateTime');
  });
});
