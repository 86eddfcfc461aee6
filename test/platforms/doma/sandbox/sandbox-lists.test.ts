import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_METER_READINGS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-meter-readings.js';
import { ALL_METERS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-meters.js';
import { ALL_PAYMENTS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-payments.js';
import { DomaReadingSource } from '../../../../src/platforms/doma/contract/meter-reading-sources.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, receipt, receiptsVariables } from './doma-helpers.js';

const ORG = SeedIds.organizations[0];

describe('Doma.ai sandbox: allMeters, allMeterReadings, allPayments', () => {
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox();
    token = await login(sb);
    await gql(sb, REGISTER_BILLING_RECEIPTS_DOCUMENT, receiptsVariables([receipt(1), receipt(2)]), token);
    const day = (d: number, h = 10) =>
      `2024-10-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
    sb.addPayment({
      organizationId: ORG,
      receiptImportId: 'imp-1',
      amount: '1000.00',
      implicitFee: '50.00',
      order: '350000',
      transferDate: day(29),
      depositedDate: day(21),
    });
    sb.addPayment({
      organizationId: ORG,
      receiptImportId: 'imp-2',
      amount: '10.5',
      order: '350000',
      transferDate: day(29, 23),
    });
    sb.addPayment({
      organizationId: ORG,
      receiptImportId: 'imp-2',
      amount: '99',
      status: 'WITHDRAWN',
      transferDate: day(29, 12),
    });
    sb.addPayment({
      organizationId: ORG,
      accountNumber: 'X1',
      amount: '5',
      invoice: true,
      transferDate: day(29, 13),
    });
    sb.addPayment({
      organizationId: ORG,
      accountNumber: 'X2',
      amount: '6',
      deleted: true,
      transferDate: day(29, 14),
    });
    sb.addPayment({ organizationId: ORG, accountNumber: 'X3', amount: '7', transferDate: day(30) });
    sb.addPayment({
      organizationId: SeedIds.organizations[2],
      accountNumber: 'X4',
      amount: '8',
      transferDate: day(29),
    });
  });
  afterAll(() => sb.close());

  it('allPayments: DONE, for receipts, not deleted, in a transferDate window, of one organization', async () => {
    const a = await gql(
      sb,
      ALL_PAYMENTS_DOCUMENT,
      {
        where: {
          organization: { id: ORG },
          status: 'DONE',
          invoice_is_null: true,
          deletedAt: null,
          transferDate_gte: '2024-10-29T00:00:00.000Z',
          transferDate_lt: '2024-10-30T00:00:00.000Z',
        },
        first: 100,
        sortBy: ['transferDate_ASC'],
      },
      token,
    );
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.objs.map((p: { amount: string }) => p.amount)).toEqual([
      '1000.00000000',
      '10.50000000',
    ]);
    expect(a.body.data.objs[0]).toMatchObject({
      implicitFee: '50.00000000',
      order: '350000',
      status: 'DONE',
      accountNumber: 'AC000001',
      period: '2024-01-01',
      depositedDate: '2024-10-21T10:00:00.000Z',
      receipt: { importId: 'imp-1' },
      organization: { id: ORG },
    });
  });

  it('pages with first, skip and a stable sortBy, and refuses first over 1000', async () => {
    const page = (skip: number) =>
      gql(
        sb,
        ALL_PAYMENTS_DOCUMENT,
        { where: { organization: { id: ORG } }, first: 2, skip, sortBy: ['transferDate_DESC', 'id_ASC'] },
        token,
      );
    const all = [
      ...(await page(0)).body.data.objs,
      ...(await page(2)).body.data.objs,
      ...(await page(4)).body.data.objs,
    ];
    expect(all.map((p: { accountNumber: string }) => p.accountNumber)).toEqual([
      'X3',
      'AC000002',
      'X2',
      'X1',
      'AC000002',
      'AC000001',
    ]);
    const tooMany = await gql(
      sb,
      ALL_PAYMENTS_DOCUMENT,
      { where: {}, first: 1001, sortBy: ['id_ASC'] },
      token,
    );
    expect(tooMany.body.data.objs).toBeNull();
    expect(tooMany.body.errors[0].message).toMatch(/exceeded server limits/);
  });

  it('allMeters filters by organization', async () => {
    const a = await gql(
      sb,
      ALL_METERS_DOCUMENT,
      {
        where: { organization: { id: SeedIds.meterOrganization }, deletedAt: null },
        first: 10,
        sortBy: ['createdAt_ASC'],
      },
      token,
    );
    expect(a.body.data.objs.map((m: { id: string }) => m.id)).toEqual([SeedIds.meter]);
    const other = await gql(
      sb,
      ALL_METERS_DOCUMENT,
      { where: { organization: { id: ORG } }, first: 10, sortBy: ['id_ASC'] },
      token,
    );
    expect(other.body.data.objs).toEqual([]);
  });

  it('allMeterReadings: residents’ readings created since a checkpoint, by source', async () => {
    const first = sb.addResidentReading({ meterId: SeedIds.meter, values: ['10'], source: 'mobileApp' });
    sb.addResidentReading({ meterId: SeedIds.meter, values: ['11'], source: 'call' });
    const where = (createdAt_gte: string) => ({
      where: { createdAt_gte, source: { id_in: [DomaReadingSource.mobileApp.id] }, deletedAt: null },
      first: 100,
      sortBy: ['createdAt_ASC', 'id_ASC'],
    });
    const a = await gql(sb, ALL_METER_READINGS_DOCUMENT, where(first.createdAt), token);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.objs).toHaveLength(1);
    expect(a.body.data.objs[0]).toMatchObject({
      value1: '10',
      source: { type: 'mobile_app' },
      sender: { fingerprint: 'resident-mobile-app' },
      meter: {
        id: SeedIds.meter,
        resource: { id: expect.any(String) },
        property: { addressKey: SeedIds.houseFias },
      },
    });
    const later = await gql(sb, ALL_METER_READINGS_DOCUMENT, where('2999-01-01T00:00:00.000Z'), token);
    expect(later.body.data.objs).toEqual([]);
  });
});
