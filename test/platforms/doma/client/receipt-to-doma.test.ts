import { describe, expect, it } from 'vitest';
import { entityKinds } from '../../../../src/domain/entity-kinds.js';
import { Account } from '../../../../src/domain/model/account.js';
import { House } from '../../../../src/domain/model/house.js';
import { Premise } from '../../../../src/domain/model/premise.js';
import { domaMoney } from '../../../../src/platforms/doma/client/doma-money.js';
import { DomaSettings } from '../../../../src/platforms/doma/client/doma-settings.js';
import { receiptToDoma } from '../../../../src/platforms/doma/client/receipt-to-doma.js';
import { ReceiptInput } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';

const settings = DomaSettings.parse({
  baseUrl: 'http://127.0.0.1:1',
  billingContextId: 'edbd5639-6e78-4128-b166-3092aa500d8e',
  organizationId: 'edbd5639-6e78-4128-b166-3092aa500d8e',
  categories: { heating: '1b2371e0-8dc6-497a-bab2-de7421c622a5' },
});
const place = {
  house: House.parse({
    id: 'h1',
    address: 'г Москва, Маломосковская ул, дом № 14',
    fiasGuid: 'FFCE9196-46F1-437E-9E1C-7EBC82200A64',
  }),
  premise: Premise.parse({ id: 'p1', houseId: 'h1', type: 'parking', number: '706' }),
  account: Account.parse({
    number: 'K9910000706',
    premiseId: 'p1',
    ownerName: 'Иванов Евгений Борисович',
    els: '70БВ000584',
  }),
};
const receipt = (over: Record<string, unknown> = {}) =>
  entityKinds.receipt.schema.parse({
    accountNumber: 'K9910000706',
    period: '2024-01',
    category: 'capital_repair',
    recipient: { inn: '7736050003', bik: '044525225', account: '40702810138250123017' },
    toPay: '4225.57',
    balance: '-1113.15',
    charge: '3112.42',
    lines: [
      {
        serviceId: '2591212',
        name: 'Взнос на капитальный ремонт',
        toPay: '167.1',
        charge: '167.10',
        volume: '6.5324',
        tariff: '25.58',
      },
    ],
    ...over,
  });

describe('receipt → registerBillingReceipts element', () => {
  it('maps money exactly as decimal strings, the balance with the canonical sign, and the address', () => {
    const r = receiptToDoma('K9910000706/2024-01/capital_repair', receipt(), place, settings);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ReceiptInput.parse(r.receipt)).toBeTruthy();
    expect(r.receipt).toMatchObject({
      importId: 'K9910000706/2024-01/capital_repair',
      accountNumber: 'K9910000706',
      address: 'г Москва, Маломосковская ул, дом № 14, м/м 706',
      addressMeta: { globalId: 'ffce9196-46f1-437e-9e1c-7ebc82200a64', unitName: '706', unitType: 'parking' },
      accountMeta: { fullName: 'Иванов Евгений Борисович', globalId: '70БВ000584', ownerType: 'person' },
      tin: '7736050003',
      bankAccount: '40702810138250123017',
      routingNumber: '044525225',
      category: { id: 'c0b9db6a-c351-4bf4-aa35-8e5a500d0195' },
      year: 2024,
      month: 1,
      toPay: '4225.57',
      toPayDetails: { charge: '3112.42', balance: '-1113.15' },
      services: [
        {
          id: '2591212',
          toPay: '167.10',
          toPayDetails: {
            charge: '167.10',
            privilege: '0.00',
            recalculation: '0.00',
            volume: '6.5324',
            tariff: '25.58',
          },
        },
      ],
    });
    expect(JSON.stringify(r.receipt)).not.toContain('null');
  });

  it('refuses a receipt whose recipient account key does not match the БИК, naming the field', () => {
    const bad = receipt();
    bad.recipient.account = '40702810138250123018';
    const r = receiptToDoma('k', bad, place, settings);
    expect(r).toMatchObject({ ok: false, code: 'bank_account_key' });
    expect(r.ok ? '' : r.message).toContain('recipient.account');
  });

  it('maps categories from settings and refuses an unmapped one', () => {
    const heating = receiptToDoma('k', receipt({ category: 'heating' }), place, settings);
    expect(heating.ok && heating.receipt.category).toEqual({ id: '1b2371e0-8dc6-497a-bab2-de7421c622a5' });
    expect(receiptToDoma('k', receipt({ category: 'housing' }), place, settings)).toMatchObject({
      ok: true,
      receipt: { category: { id: '928c97ef-5289-4daa-b80e-4b9fed50c629' } },
    });
    expect(receiptToDoma('k', receipt({ category: 'parking' }), place, settings)).toMatchObject({
      ok: false,
      code: 'category_unmapped',
    });
  });

  it('reads the platform amounts (8 decimals) back to kopecks exactly', () => {
    expect(domaMoney.in('550.00000000')).toBe(55_000);
    expect(domaMoney.in('0.10000000')).toBe(10);
    expect(domaMoney.in('-1113.15')).toBe(-111_315);
    expect(domaMoney.in('12.345')).toBe(1235);
    expect(domaMoney.in('90071992547409.91')).toBe(9_007_199_254_740_991);
    expect(() => domaMoney.in('1e3')).toThrow();
    expect(domaMoney.out(16_710)).toBe('167.10');
  });
});
