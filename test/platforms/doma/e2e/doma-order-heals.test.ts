import { describe, expect, it } from 'vitest';
import { listRecordErrors } from '../../../../src/store/record-error-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import { domaSuite, putFlats, putRecords, receiptInput, syncOnce } from './doma-fixture.js';

/**
 * The billing may send its exports in any order (README, Sync engine). A reading whose meter, or a
 * receipt whose account, is not in the hub yet is refused (`meter_unknown`, `address_unknown`); it
 * is sent once the missing record arrives, with no `retry-failed`, and its error closes.
 */
describe.each(storeKinds)('Doma.ai: a refusal caused by order heals itself (%s)', (kind) => {
  const suite = domaSuite(kind);
  const open = async (f: Awaited<ReturnType<typeof suite.start>>) =>
    (
      await listRecordErrors(f.store.db, f.org, { connectionId: f.connectionId, state: 'open', limit: 50 })
    ).map((e) => [e.key, e.code]);

  it('a reading sent before its meter lands in the next sync, and nothing is resent meanwhile', async () => {
    const f = await suite.start();
    const [a1] = await putFlats(f, 1);
    await putRecords(f, 'reading', [{ meterId: 'm1', date: '2024-05-25', value1: '12.5' }]);
    expect(await syncOnce(f)).toMatchObject({ state: 'partial', failed: 1 });
    expect(await open(f)).toEqual([['m1/2024-05-25', 'meter_unknown']]);
    expect(await syncOnce(f)).toMatchObject({ sent: 0 });

    await putRecords(f, 'meter', [{ id: 'm1', accountNumber: a1, resource: 'cold_water', number: 'CW-1' }]);
    const healed = await syncOnce(f);
    expect(healed).toMatchObject({ state: 'succeeded', failed: 0 });
    const meter = f.sandbox.meters().find((m) => m.number === 'CW-1');
    expect(meter).toBeDefined();
    expect(f.sandbox.readings().filter((r) => r.meterId === meter?.id)).toHaveLength(1);
    expect(await open(f)).toEqual([]);
    expect(await syncOnce(f)).toMatchObject({ state: 'succeeded', sent: 0 });
  });

  it('a receipt sent before its account lands once the account and its place arrive', async () => {
    const f = await suite.start();
    await putRecords(f, 'receipt', [receiptInput('1000000009')]);
    expect(await syncOnce(f)).toMatchObject({ state: 'partial', failed: 1 });
    expect(await open(f)).toEqual([['1000000009/2024-01/housing', 'address_unknown']]);
    expect(f.sandbox.receipts()).toHaveLength(0);

    const [number] = await putFlats(f, 1);
    // putFlats numbers its accounts 1000000001…: give the receipt's account its place too.
    await putRecords(f, 'account', [{ number: '1000000009', premiseId: 'p1' }]);
    expect(number).toBe('1000000001');
    expect(await syncOnce(f)).toMatchObject({ state: 'succeeded', failed: 0 });
    expect(f.sandbox.receipts().map((r) => r.accountNumber)).toEqual(['1000000009']);
    expect(await open(f)).toEqual([]);
  });
});
