import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomaMeterResource } from '../../../../src/platforms/doma/contract/meter-resources.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT as RECEIPTS } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import { REGISTER_METERS_READINGS_DOCUMENT as READINGS } from '../../../../src/platforms/doma/contract/register-meters-readings.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, receipt, receiptsVariables, SENDER } from './doma-helpers.js';

const PAYMENTS = `query p($where: PaymentWhereInput, $sortBy: [SortPaymentsBy!]) {
  objs: allPayments(where: $where, first: 100, sortBy: $sortBy) { id amount accountNumber }
}`;
const METERS = `query m($where: MeterWhereInput, $search: String, $orderBy: String) {
  objs: allMeters(where: $where, first: 100, search: $search, orderBy: $orderBy) { id number }
}`;

/**
 * The sandbox accepts what the platform accepts: the inputs our SDL now has in full (the contract
 * test proves they equal condo-schema.graphql) are honoured where they mean something.
 */
describe('Doma.ai sandbox: the platform’s inputs in full', () => {
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox();
    token = await login(sb);
    const org = SeedIds.organizations[0];
    for (const [amount, account] of [
      ['150.00', 'A-1'],
      ['500', 'A-2'],
      ['1200.50', 'a-3'],
    ] as const) {
      sb.addPayment({ organizationId: org, amount, accountNumber: account });
    }
  });
  afterAll(() => sb.close());

  it('PaymentWhereInput.amount_gte compares amounts as numbers, and sortBy has amount_DESC', async () => {
    const a = await gql(sb, PAYMENTS, { where: { amount_gte: '500' }, sortBy: ['amount_DESC'] }, token);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.objs.map((p: { amount: string }) => Number(p.amount))).toEqual([1200.5, 500]);
  });

  it('the text operators: _starts_with_i, _not_contains, _in, _i', async () => {
    const by = async (where: Record<string, unknown>) =>
      (await gql(sb, PAYMENTS, { where, sortBy: ['accountNumber_ASC'] }, token)).body.data.objs.map(
        (p: { accountNumber: string }) => p.accountNumber,
      );
    expect(await by({ accountNumber_starts_with_i: 'a-' })).toEqual(['A-1', 'A-2', 'a-3']);
    expect(await by({ accountNumber_starts_with: 'a-' })).toEqual(['a-3']);
    expect(await by({ accountNumber_not_contains: '2' })).toEqual(['A-1', 'a-3']);
    expect(await by({ accountNumber_i: 'A-3' })).toEqual(['a-3']);
    expect(await by({ OR: [{ amount_lt: '200' }, { accountNumber_in: ['a-3'] }] })).toEqual(['A-1', 'a-3']);
  });

  it('search and orderBy, the list arguments the platform has besides where and sortBy', async () => {
    const a = await gql(sb, METERS, { search: '0011', orderBy: 'number_DESC' }, token);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.objs).toEqual([{ id: SeedIds.meter, number: '00112233' }]);
  });

  it('an unknown filter is still refused, as the platform refuses it', async () => {
    const a = await gql(sb, PAYMENTS, { where: { amount_between: ['1', '2'] } }, token);
    expect(a.status).toBe(400);
    expect(a.body.errors[0].message).toMatch(/amount_between/);
  });

  it('RegisterBillingReceiptInput takes unitName/unitType/fullName/normalizedAddress; the platform does not use them', async () => {
    // condo declares them "[DEPRECATED] Not used": the unit comes from addressMeta or the address.
    const a = await gql(
      sb,
      RECEIPTS,
      receiptsVariables([
        receipt(71, {
          unitName: '999',
          unitType: 'parking',
          fullName: 'Иванов Иван Иванович',
          normalizedAddress: 'г Москва, ул Маломосковская, д 14',
          tinMeta: {},
          routingNumberMeta: {},
        }),
      ]),
      token,
    );
    expect(a.body.errors).toBeUndefined();
    expect(sb.receipts().find((r) => r.importId === 'imp-71')).toMatchObject({
      unitName: '71',
      fullName: null,
    });
  });

  it('cleans «л/с», «лс», «№» from a receipt’s account number — one account for «л/с 7201» and «7201»', async () => {
    const a = await gql(
      sb,
      RECEIPTS,
      receiptsVariables([
        receipt(72, { importId: undefined, accountNumber: 'л/с 7201' }),
        receipt(72, { importId: undefined, accountNumber: '7201', month: 2 }),
        receipt(72, { importId: undefined, accountNumber: '№ 7201 ЛС', month: 3 }),
      ]),
      token,
    );
    expect(a.body.errors).toBeUndefined();
    const accounts = new Set(
      sb
        .receipts()
        .filter((r) => r.accountNumber.includes('7201'))
        .map((r) => r.accountNumber),
    );
    expect([...accounts]).toEqual(['7201']);
  });

  it('registerMetersReadings only trims the account number: «л/с 7301» stays as sent', async () => {
    const a = await gql(
      sb,
      READINGS,
      {
        data: {
          dv: 1,
          sender: SENDER,
          organization: { id: SeedIds.organizations[0] },
          readings: [
            {
              address: 'Маломосковская ул, дом № 14',
              addressInfo: { unitType: 'flat', unitName: '73', globalId: SeedIds.houseFias },
              accountNumber: '  л/с 7301 ',
              meterNumber: 'M-73',
              meterResource: { id: DomaMeterResource.coldWater },
              date: '2025-06-17',
              value1: '1',
            },
          ],
        },
      },
      token,
    );
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.result[0].meter.accountNumber).toBe('л/с 7301');
  });
});
