import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entityKinds, kindByPlural } from '../../src/domain/entity-kinds.js';
import { issuesToErrors } from '../../src/domain/issues-to-errors.js';
import { Contract } from '../../src/domain/model/contract.js';
import { inboundKinds } from '../../src/domain/model/inbound.js';
import { Organization } from '../../src/domain/model/organization.js';

const recipient = { inn: '9717025407', kpp: '771701001', bik: '044525593', account: '40702810701100008293' };

const good = {
  house: {
    id: 'h1',
    address: 'г. Москва, Маломосковская ул, д. 22',
    fiasGuid: '5EE84AC0-EB9A-4B5A-9C68-B6C09B4D1C5B',
  },
  premise: { id: 'p1', houseId: 'h1', type: 'parking', number: '151', area: '13,5' },
  account: {
    number: '4200003151',
    els: '70БВ000584',
    premiseId: 'p1',
    persons: [{ fullName: 'Иванов И. И.', isOwner: true }],
  },
  service: { id: '2553698', name: 'Отопление ОДН' },
  tariff: { id: 't1', name: 'Интернет 100', cost: '550.00' },
  receipt: {
    accountNumber: '4200003151',
    period: '2024-01',
    recipient,
    toPay: '4225.57',
    balance: '1113.15',
    lines: [{ serviceId: '2553698', name: 'Отопление ОДН', toPay: '0', tariff: '2325.88' }],
  },
  meter: { id: 'm1', accountNumber: '4200003151', resource: 'hot_water', number: '12345', tariffCount: 2 },
  reading: { meterId: 'm1', date: '2024-01-25', value1: '123.456', value2: '7' },
  payment: { id: 'pay1', accountNumber: '4200003151', paidAt: '2024-01-05T10:00:00+03:00', amount: '1000' },
  balance: { accountNumber: '4200003151', serviceId: '2553698', date: '2024-01-01', amount: '-20394.86' },
  transaction: { id: 'tr1', accountNumber: '4200003151', date: '2024-01-01', kind: 'charge', amount: '2600' },
  contract: { id: 'c1', accountNumber: '4200003151', number: 'Д-1', state: 'suspended', tariffIds: ['t1'] },
} as const;

describe('canonical schemas', () => {
  it.each(Object.keys(good))(
    '%s: a good record parses, has its key, and encodes back to its input form',
    (name) => {
      const kind = entityKinds[name as keyof typeof entityKinds];
      const parsed = kind.schema.parse(good[name as keyof typeof good]);
      expect(kind.keyOf(parsed as never)).toMatch(/\S/);
      expect(kindByPlural(kind.plural)).toBe(kind);
      const encoded = z.encode(kind.schema, parsed as never);
      expect(kind.schema.parse(encoded)).toEqual(parsed);
    },
  );

  it('keeps money in kopecks inside and rubles outside', () => {
    const r = entityKinds.receipt.schema.parse(good.receipt);
    expect(r).toMatchObject({ toPay: 422557, balance: 111315 });
    expect(r.lines[0]).toMatchObject({ toPay: 0, charge: 0, tariff: '2325.88' });
    expect(z.encode(entityKinds.receipt.schema, r)).toMatchObject({ toPay: '4225.57', balance: '1113.15' });
    expect(entityKinds.balance.schema.parse(good.balance).amount).toBe(-2039486);
  });

  it('normalises: ФИАС GUID to lower case, decimal comma to a dot, defaults filled', () => {
    expect(entityKinds.house.schema.parse(good.house).fiasGuid).toBe('5ee84ac0-eb9a-4b5a-9c68-b6c09b4d1c5b');
    expect(entityKinds.premise.schema.parse(good.premise).area).toBe('13.5');
    const acc = entityKinds.account.schema.parse(good.account);
    expect(acc).toMatchObject({ state: 'open', ownerType: 'person', phones: [] });
    expect(acc.persons[0]).toMatchObject({ isOwner: true, isTenant: false });
    expect(entityKinds.receipt.schema.parse(good.receipt).category).toBe('housing');
  });

  it('rejects unknown fields, so a typo does not silently drop data', () => {
    const res = entityKinds.service.schema.safeParse({ id: 's', name: 'x', nmae: 'typo' });
    expect(res.success).toBe(false);
    expect(issuesToErrors(res.error!.issues)[0]).toMatchObject({ code: 'unrecognized_keys' });
  });

  it.each([
    ['premise', { ...good.premise, type: 'garage' }, 'type', 'invalid_value'],
    ['receipt', { ...good.receipt, period: '2024-13' }, 'period', 'period_format'],
    [
      'receipt',
      { ...good.receipt, recipient: { ...recipient, inn: '9717025408' } },
      'recipient.inn',
      'inn_invalid',
    ],
    [
      'receipt',
      { ...good.receipt, recipient: { ...recipient, account: '40702810701100008294' } },
      'recipient.account',
      'bank_account_key',
    ],
    ['receipt', { ...good.receipt, toPay: '1.234' }, 'toPay', 'money_scale'],
    ['reading', { ...good.reading, date: '2024-02-30' }, 'date', 'date_format'],
    ['reading', { ...good.reading, value1: '1.123456789' }, 'value1', 'decimal_scale'],
    ['meter', { ...good.meter, tariffCount: 5 }, 'tariffCount', 'too_big'],
    ['house', { ...good.house, fiasGuid: '12345' }, 'fiasGuid', 'fias_guid_format'],
    ['account', { ...good.account, els: '70BB000584' }, 'els', 'els_invalid'],
    ['payment', { ...good.payment, paidAt: '2024-01-05 10:00' }, 'paidAt', 'invalid_format'],
    ['tariff', { ...good.tariff, link: 'ftp://uk.example/t1' }, 'link', 'invalid_format'],
    [
      'contract',
      { ...good.contract, options: [{ category: 'Доплата', name: 'Доплата', value: '20.50' }] },
      'options.0.value',
      'option_not_integer',
    ],
    [
      'contract',
      {
        ...good.contract,
        options: [{ category: 'Доплата', name: 'Доплата', type: 'money', value: '20.505' }],
      },
      'options.0.value',
      'money_scale',
    ],
    [
      'contract',
      { ...good.contract, options: [{ category: 'S', name: 'Флаг', type: 'flag', value: 'да' }] },
      'options.0.value',
      'option_not_flag',
    ],
    [
      'contract',
      { ...good.contract, options: [{ category: 'Пакет', name: 'Состав', type: 'text', value: 'Домофон' }] },
      'options.0.value',
      'option_not_servable',
    ],
  ])('%s: names the field and the reason', (name, input, path, code) => {
    const res = entityKinds[name as keyof typeof entityKinds].schema.safeParse(input);
    expect(res.success).toBe(false);
    expect(issuesToErrors(res.error!.issues)).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('reads a contract option by its type: money in rubles to kopecks, and back', () => {
    const options = [
      { category: 'Доплата', name: 'Доплата', type: 'money', value: '20.50' },
      { category: 'Домофон', name: 'Подъезд', value: '3' },
      { category: 'Settings', name: 'services_suspended_pending_payment', type: 'flag', value: 1 },
    ];
    const c = Contract.parse({ ...good.contract, options });
    expect(c.options.map((o) => [o.type, o.value])).toEqual([
      ['money', 2050],
      ['integer', 3],
      ['flag', true],
    ]);
    expect(z.encode(Contract, c).options?.map((o) => o.value)).toEqual(['20.50', 3, true]);
  });

  it('validates an organization’s ИНН, КПП, ОГРН and bank accounts', () => {
    expect(
      Organization.safeParse({ id: 'uk', name: 'УК', inn: '7707083893', ogrn: '1027700132195' }).success,
    ).toBe(true);
    const bad = Organization.safeParse({
      id: 'UK!',
      name: 'УК',
      inn: '7707083893',
      ogrn: '1027700132196',
      bankAccounts: [
        { bik: '044525225', account: '40702810138250123017', corrAccount: '30101810500000000225' },
      ],
    });
    expect(issuesToErrors(bad.error!.issues).map((e) => e.path)).toEqual([
      'id',
      'ogrn',
      'bankAccounts.0.corrAccount',
    ]);
  });

  it('keeps the full source payload of inbound records, whatever its shape', () => {
    const source = { Guid: 'g-1', Request: { Text: 'Течёт кран', Extra: { deep: [1, 2] } } };
    const t = inboundKinds.ticket.parse({ sourceId: 'g-1', text: 'Течёт кран', source });
    expect(t.source).toEqual(source);
  });
});
