import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_METER_READINGS_DOCUMENT,
  AllMeterReadingsResponse,
  AllMeterReadingsVariables,
} from '../../../../src/platforms/doma/contract/all-meter-readings.js';
import {
  ALL_METERS_DOCUMENT,
  AllMetersResponse,
  AllMetersVariables,
} from '../../../../src/platforms/doma/contract/all-meters.js';
import {
  ALL_PAYMENTS_DOCUMENT,
  AllPaymentsResponse,
  AllPaymentsVariables,
} from '../../../../src/platforms/doma/contract/all-payments.js';
import {
  LOGIN_DOCUMENT,
  LoginResponse,
  LoginVariables,
} from '../../../../src/platforms/doma/contract/login.js';
import { DomaMeterResource } from '../../../../src/platforms/doma/contract/meter-resources.js';
import {
  REGISTER_BILLING_RECEIPT_FILE_DOCUMENT,
  RegisterBillingReceiptFileResponse,
  RegisterBillingReceiptFileVariables,
} from '../../../../src/platforms/doma/contract/register-billing-receipt-file.js';
import {
  REGISTER_BILLING_RECEIPTS_DOCUMENT,
  RegisterBillingReceiptsResponse,
  RegisterBillingReceiptsVariables,
} from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import {
  REGISTER_METERS_READINGS_DOCUMENT,
  RegisterMetersReadingsResponse,
  RegisterMetersReadingsVariables,
} from '../../../../src/platforms/doma/contract/register-meters-readings.js';
import {
  UPDATE_METER_DOCUMENT,
  UpdateMeterResponse,
  UpdateMeterVariables,
} from '../../../../src/platforms/doma/contract/update-meter.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, receipt, receiptsVariables, SENDER } from './doma-helpers.js';

/** Variables our zod schemas accept get answers our zod schemas accept: the two sides agree. */
describe('Doma.ai contract ↔ sandbox round trip', () => {
  let sb: DomaSandbox;
  let token = '';
  beforeAll(async () => {
    sb = await startDomaSandbox();
  });
  afterAll(() => sb.close());

  async function roundTrip<T>(
    doc: string,
    vars: unknown,
    variables: { parse(v: unknown): unknown },
    response: { parse(v: unknown): T },
  ) {
    const a = await gql(sb, doc, variables.parse(vars) as Record<string, unknown>, token);
    expect(a.status).toBe(200);
    expect(a.body.errors).toBeUndefined();
    return response.parse(a.body);
  }

  it('every document, in the order a sync uses them', async () => {
    const login = await roundTrip(
      LOGIN_DOCUMENT,
      { email: sb.email, password: sb.password },
      LoginVariables,
      LoginResponse,
    );
    token = login.data?.auth?.token ?? '';
    const receipts = await roundTrip(
      REGISTER_BILLING_RECEIPTS_DOCUMENT,
      receiptsVariables([receipt(1, { accountMeta: { fullName: 'Петров П. П.', ownerType: 'person' } })]),
      RegisterBillingReceiptsVariables,
      RegisterBillingReceiptsResponse,
    );
    expect(receipts.data?.result?.[0]?.toPay).toBe('100.50000000');
    const file = await roundTrip(
      REGISTER_BILLING_RECEIPT_FILE_DOCUMENT,
      {
        data: {
          dv: 1,
          sender: SENDER,
          context: { id: SeedIds.context },
          receipt: { importId: 'imp-1' },
          base64EncodedPDF: 'JVBERg==',
        },
      },
      RegisterBillingReceiptFileVariables,
      RegisterBillingReceiptFileResponse,
    );
    expect(file.data?.result?.status).toBe('CREATED');
    const reading = {
      address: 'Маломосковская ул, дом № 14',
      addressInfo: { unitType: 'flat', unitName: '1', globalId: SeedIds.houseFias },
      accountNumber: 'AC000001',
      meterNumber: 'X-1',
      meterResource: { id: DomaMeterResource.electricity },
      date: '2025-01-31',
      value1: '100',
      value2: '50',
      meterMeta: { numberOfTariffs: 2, verificationDate: '2024-01-01' },
    };
    const readings = await roundTrip(
      REGISTER_METERS_READINGS_DOCUMENT,
      {
        data: { dv: 1, sender: SENDER, organization: { id: SeedIds.organizations[0] }, readings: [reading] },
      },
      RegisterMetersReadingsVariables,
      RegisterMetersReadingsResponse,
    );
    const meterId = readings.data?.result?.[0]?.meter.id ?? '';
    const meters = await roundTrip(
      ALL_METERS_DOCUMENT,
      { where: { deletedAt: null }, first: 100, sortBy: ['createdAt_ASC'] },
      AllMetersVariables,
      AllMetersResponse,
    );
    expect(meters.data?.objs?.map((m) => m.id)).toEqual([SeedIds.meter, meterId]);
    sb.addResidentReading({ meterId, values: ['101', '51'] });
    const list = await roundTrip(
      ALL_METER_READINGS_DOCUMENT,
      {
        where: { organization: { id: SeedIds.organizations[0] }, deletedAt: null },
        first: 500,
        sortBy: ['createdAt_ASC', 'id_ASC'],
      },
      AllMeterReadingsVariables,
      AllMeterReadingsResponse,
    );
    expect(list.data?.objs?.map((r) => r.source?.type)).toEqual(['other', 'mobile_app']);
    sb.addPayment({
      organizationId: SeedIds.organizations[0],
      receiptImportId: 'imp-1',
      amount: '100.50',
      implicitFee: '1.00',
      order: '1',
    });
    const payments = await roundTrip(
      ALL_PAYMENTS_DOCUMENT,
      {
        where: {
          organization: { id: SeedIds.organizations[0] },
          status: 'DONE',
          invoice_is_null: true,
          deletedAt: null,
        },
        first: 500,
        sortBy: ['id_ASC'],
      },
      AllPaymentsVariables,
      AllPaymentsResponse,
    );
    expect(payments.data?.objs?.[0]).toMatchObject({
      amount: '100.50000000',
      receipt: { importId: 'imp-1' },
    });
    const archived = await roundTrip(
      UPDATE_METER_DOCUMENT,
      { id: meterId, data: { dv: 1, sender: SENDER, archiveDate: '2025-02-01T00:00:00.000Z' } },
      UpdateMeterVariables,
      UpdateMeterResponse,
    );
    expect(archived.data?.result?.archiveDate).toBe('2025-02-01T00:00:00.000Z');
  });
});
