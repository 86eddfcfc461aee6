import { describe, expect, it } from 'vitest';
import { cleanAccountNumber, withCleanAccountNumber } from '../../src/domain/account-number.js';
import { entityKinds } from '../../src/domain/entity-kinds.js';
import { issuesToErrors } from '../../src/domain/issues-to-errors.js';

describe('account numbers as the platform keeps them (NOTES.md: cleaned of «л/с», «лс», «№»)', () => {
  it.each<[string, string]>([
    ['л/с 4200003151', '4200003151'],
    ['Л/С4200003151', '4200003151'],
    ['4200003151 лс', '4200003151'],
    ['№ 4200003151', '4200003151'],
    ['лс №4200003151', '4200003151'],
    ['  4200003151  ', '4200003151'],
    ['K9910000706', 'K9910000706'],
    // Every occurrence goes, wherever it stands; what is between them stays as written.
    ['12 л/с 34', '12  34'],
    ['ЛС-77/1', '-77/1'],
    ['', ''],
  ])('«%s» → «%s»', (raw, clean) => {
    expect(cleanAccountNumber(raw)).toBe(clean);
  });

  it('every canonical record that names an account keys and stores it cleaned', () => {
    const account = entityKinds.account.schema.parse({ number: 'л/с 123', premiseId: 'p1' });
    expect(entityKinds.account.keyOf(account)).toBe('123');
    const receipt = entityKinds.receipt.schema.parse({
      accountNumber: '№123',
      period: '2024-01',
      recipient: { inn: '9717025407', bik: '044525593', account: '40702810701100008293' },
      toPay: '1',
      lines: [],
    });
    expect(entityKinds.receipt.keyOf(receipt)).toBe('123/2024-01/housing');
    const meter = entityKinds.meter.schema.parse({
      id: 'm1',
      accountNumber: '123 лс',
      resource: 'gas',
      number: '1',
    });
    expect(meter.accountNumber).toBe('123');
    const others = {
      balance: { serviceId: 's1', date: '2024-01-01', amount: '1' },
      payment: { id: 'p1', paidAt: '2024-01-05T10:00:00+03:00', amount: '1' },
      transaction: { id: 't1', date: '2024-01-01', kind: 'charge', amount: '1' },
      contract: { id: 'c1', number: 'Д-1', state: 'active', tariffIds: [] },
      receipt_file: { period: '2024-01', category: 'housing', variant: 'full', content: 'JVBERi0=' },
    } as const;
    for (const [kind, rest] of Object.entries(others)) {
      const parsed = entityKinds[kind as keyof typeof others].schema.parse({
        ...rest,
        accountNumber: 'л/с 123',
      });
      expect((parsed as { accountNumber: string }).accountNumber, kind).toBe('123');
    }
  });

  it('a number that is nothing but marks is refused with its own code, naming the field', () => {
    const r = entityKinds.account.schema.safeParse({ number: 'л/с №', premiseId: 'p1' });
    expect(r.success).toBe(false);
    expect(issuesToErrors(r.error!.issues)).toEqual([
      expect.objectContaining({ code: 'account_number_empty', path: 'number' }),
    ]);
  });

  it('an inbox payload’s accountNumber is cleaned; the platform’s own row (`source`) is kept as sent', () => {
    const source = { accountNumber: 'л/с 123' };
    expect(withCleanAccountNumber({ sourceId: '1', accountNumber: 'л/с 123', source })).toEqual({
      sourceId: '1',
      accountNumber: '123',
      source,
    });
    expect(withCleanAccountNumber({ sourceId: '1', accountNumber: '№' })).toEqual({ sourceId: '1' });
    expect(withCleanAccountNumber({ sourceId: '1' })).toEqual({ sourceId: '1' });
  });
});
