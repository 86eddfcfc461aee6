import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildPaymentRegistry, encodeRegistry } from '../../../../src/domain/registry/payment-registry.js';
import { registryField } from '../../../../src/domain/registry/registry-line.js';
import { zonedDayBounds } from '../../../../src/platforms/doma/client/payment-registry/zoned-day.js';

describe('bank payment registry (domain.md layout)', () => {
  it("reproduces seed 000's example registry line for line", () => {
    const reg = buildPaymentRegistry({
      order: '350000',
      transferDate: '2024-11-22',
      payments: [
        {
          paidAt: new Date('2024-11-21T13:51:13Z'),
          accountNumber: '3-1',
          address: '617203, Екатеринбург г, Заречная ул, Дом 1, Кв. 1',
          amount: 100_000,
          fee: 5_000,
        },
      ],
    });
    expect(reg.text).toBe(
      '21-11-2024;13-51-13;;;3-1;;617203, Екатеринбург г, Заречная ул, Дом 1, Кв. 1;;;1000.00;950.00;50.00\r\n' +
        '=;1;1000.00;950.00;50.00;350000;22-11-2024\r\n',
    );
  });

  it('sums to the kopeck, writes 12 fields a line, and round-trips through windows-1251', () => {
    // Amounts whose float sum is not exact (0.1 + 0.2 …): the closing line must still be exact.
    const amounts = [10, 20, 30, 1, 99_999_99, 33_33, 66_67, 1_000_000_01];
    const payments = amounts.map((amount, i) => ({
      paidAt: new Date(Date.UTC(2024, 10, 21, 8, i, 7)),
      accountNumber: `ЛС-${i}`,
      address: `Маломосковская ул; дом № 14, кв. ${i}\nподъезд 2`,
      amount,
      fee: Math.floor(amount / 100),
    }));
    const reg = buildPaymentRegistry({
      order: '777',
      transferDate: '2024-11-22',
      payments,
      timeZone: 'Europe/Moscow',
    });
    const total = amounts.reduce((a, b) => a + b, 0);
    const fee = amounts.reduce((a, b) => a + Math.floor(b / 100), 0);
    expect(reg.amount).toBe(total);
    expect(reg.fee).toBe(fee);
    const lines = reg.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(amounts.length + 1);
    for (const line of lines.slice(0, -1)) expect(line.split(';')).toHaveLength(12);
    // Moscow is UTC+3: 08:00Z is 11:00 there.
    expect(lines[0]).toMatch(
      /^21-11-2024;11-00-07;;;ЛС-0;;Маломосковская ул, дом № 14, кв\. 0 подъезд 2;;;0\.10;0\.10;0\.00$/,
    );
    const sumOf = (col: number) =>
      lines.slice(0, -1).reduce((s, l) => s + BigInt(l.split(';')[col]!.replace('.', '')), 0n);
    expect(sumOf(9)).toBe(BigInt(total));
    expect(sumOf(10)).toBe(BigInt(total - fee));
    expect(sumOf(11)).toBe(BigInt(fee));
    expect(lines.at(-1)).toBe(
      `=;8;${(total / 100).toFixed(2)};${((total - fee) / 100).toFixed(2)};${(fee / 100).toFixed(2)};777;22-11-2024`,
    );

    const cp1251 = encodeRegistry(reg.text);
    expect(cp1251.includes(Buffer.from('ЛС', 'utf8'))).toBe(false); // really re-encoded
    expect(cp1251.length).toBe(reg.text.length); // one byte a character
    expect(iconv.decode(cp1251, 'win1251')).toBe(reg.text);
    expect(encodeRegistry(reg.text, 'utf-8').toString('utf8')).toBe(reg.text);
  });

  it('keeps the separator and line breaks out of fields', () => {
    expect(registryField('a;b\r\nc')).toBe('a,b c');
    expect(registryField(undefined)).toBe('');
  });

  it('finds the UTC bounds of a local day', () => {
    expect(zonedDayBounds('2024-11-22', 'UTC')).toEqual({
      start: new Date('2024-11-22T00:00:00Z'),
      end: new Date('2024-11-23T00:00:00Z'),
    });
    expect(zonedDayBounds('2024-11-22', 'Europe/Moscow').start).toEqual(new Date('2024-11-21T21:00:00Z'));
    expect(zonedDayBounds('2024-11-22', 'Asia/Yekaterinburg').end).toEqual(new Date('2024-11-22T19:00:00Z'));
  });
});
