import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomaBillingCategory } from '../../../../src/platforms/doma/contract/billing-categories.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT as DOC } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, receipt, receiptsVariables } from './doma-helpers.js';

describe('Doma.ai sandbox: registerBillingReceipts', () => {
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox();
  });
  beforeEach(async () => {
    sb.reset();
    token = await login(sb);
  });
  afterAll(() => sb.close());

  const send = (receipts: unknown[]) => gql(sb, DOC, receiptsVariables(receipts), token);

  it('answers in input order: a bad receipt becomes null with an error at [result, i], the rest land', async () => {
    const a = await send([receipt(1), receipt(2, { month: 13 }), receipt(3, { year: 24 })]);
    expect(a.status).toBe(200);
    expect(a.body.data.result.map((r: { importId: string } | null) => r?.importId ?? null)).toEqual([
      'imp-1',
      null,
      null,
    ]);
    expect(a.body.errors).toHaveLength(2);
    expect(a.body.errors[0]).toMatchObject({
      path: ['result', 1],
      extensions: { code: 'BAD_USER_INPUT', type: 'WRONG_MONTH', inputIndex: 1, message: expect.any(String) },
    });
    expect(a.body.errors[1]).toMatchObject({
      path: ['result', 2],
      extensions: { type: 'WRONG_YEAR', inputIndex: 2 },
    });
    expect(sb.receipts().map((r) => r.importId)).toEqual(['imp-1']);
  });

  it('returns money with 8 decimals and the period as YYYY-MM-01', async () => {
    const a = await send([receipt(1, { month: 3, toPay: '167.1' })]);
    expect(a.body.data.result[0]).toMatchObject({ period: '2024-03-01', toPay: '167.10000000', v: 1 });
    const stored = sb.receipts()[0];
    expect(stored?.services?.[0]).toMatchObject({
      toPay: '100.50000000',
      toPayDetails: { charge: '100.50000000', volume: '1.50000000' },
    });
  });

  it('accepts month 0 as December of the year before, as the platform does', async () => {
    const a = await send([receipt(1, { month: 0, year: 2024 })]);
    expect(a.body.data.result[0].period).toBe('2023-12-01');
  });

  it('refuses an unknown category, an unrecognised address and a bad recipient, per receipt', async () => {
    const a = await send([
      receipt(1, { category: { id: '00000000-0000-4000-8000-000000000000' } }),
      receipt(2, { address: 'нет адреса', addressMeta: undefined }),
      receipt(3, { tin: '123' }),
      receipt(4, { accountNumber: 'л/с №' }),
      receipt(5, { category: { id: DomaBillingCategory.capitalRepair } }),
    ]);
    expect(a.body.errors.map((e: { extensions: { type: string } }) => e.extensions.type)).toEqual([
      'BILLING_CATEGORY_NOT_FOUND',
      'ADDRESS_NOT_RECOGNIZED_VALUE',
      'RECIPIENT_SAVE_FAILED',
      'ACCOUNT_SAVE_FAILED',
    ]);
    expect(sb.receipts()[0]?.categoryId).toBe(DomaBillingCategory.capitalRepair);
  });

  it('refuses more than 1000 receipts with RECEIPTS_LIMIT_HIT for the whole call', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => receipt(i, { services: undefined }));
    const a = await send(many);
    expect(a.body.data.result).toBeNull();
    expect(a.body.errors[0].extensions.type).toBe('RECEIPTS_LIMIT_HIT');
    expect(sb.writeCount()).toBe(0);
  });

  it('writes nothing when an unchanged receipt is sent again, and updates a changed one', async () => {
    const first = await send([receipt(1), receipt(2)]);
    const before = sb.writeCount();
    const again = await send([receipt(1), receipt(2)]);
    expect(sb.writeCount()).toBe(before);
    expect(again.body.data.result[0].id).toBe(first.body.data.result[0].id);
    const changed = await send([receipt(1, { toPay: '200.00' }), receipt(2)]);
    expect(changed.body.data.result[0]).toMatchObject({
      id: first.body.data.result[0].id,
      v: 2,
      toPay: '200.00000000',
    });
    expect(sb.writeCounts().receipts).toBe(3);
  });

  it('upserts by the natural key when the receipt has no importId', async () => {
    const noId = receipt(7, { importId: undefined });
    const a = await send([noId]);
    const b = await send([{ ...noId, toPay: '1.00' }]);
    expect(b.body.data.result[0].id).toBe(a.body.data.result[0].id);
    expect(a.body.data.result[0].importId).toEqual(expect.any(String));
    expect(sb.receipts()).toHaveLength(1);
  });

  it('cleans account numbers and keeps ЕЛС only in its documented shape', async () => {
    await send([
      receipt(1, {
        accountNumber: 'л/с № 4200003151',
        accountMeta: { globalId: '70БВ000584', fullName: 'Иванов И. И.' },
      }),
      receipt(2, { accountMeta: { globalId: 'not-an-els' } }),
    ]);
    const [r1, r2] = sb.receipts();
    expect(r1?.accountNumber).toBe('4200003151');
    expect(r1?.accountGlobalId).toBe('70БВ000584');
    expect(r2?.accountGlobalId).toBeNull();
  });
});
