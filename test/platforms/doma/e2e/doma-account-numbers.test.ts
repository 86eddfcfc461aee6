import { describe, expect, it } from 'vitest';
import { SEED_HOUSE_ADDRESS, SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import { readInbox } from '../../../../src/store/inbox-store.js';
import { getRecord } from '../../../../src/store/record-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import { DOMA_ORG, domaSuite, putRecords, receiptInput, syncOnce } from './doma-fixture.js';

describe.each(storeKinds)('Doma.ai account numbers as the platform keeps them (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('a billing writing «л/с 4200003151» is not split from «4200003151»: receipts, readings and payments join', async () => {
    const f = await suite.start();
    await putRecords(f, 'house', [{ id: 'h14', address: SEED_HOUSE_ADDRESS, fiasGuid: SeedIds.houseFias }]);
    await putRecords(f, 'premise', [{ id: 'p1', houseId: 'h14', number: '1' }]);
    // The account as one export writes it, its receipt and meter as others do.
    await putRecords(f, 'account', [{ number: 'л/с 4200003151', premiseId: 'p1' }]);
    await putRecords(f, 'receipt', [receiptInput('4200003151 лс')]);
    await putRecords(f, 'meter', [
      { id: 'm1', accountNumber: '№4200003151', resource: 'cold_water', number: 'CW-1' },
    ]);
    await putRecords(f, 'reading', [{ meterId: 'm1', date: '2025-05-01', value1: '1' }]);
    expect(await getRecord(f.store.db, f.org, 'account', '4200003151')).toBeDefined();

    const run = await syncOnce(f, { direction: 'outbound' });
    expect(run.lastError).toBeNull();
    expect(run.state).toBe('succeeded');
    expect(f.sandbox.receipts().map((r) => r.accountNumber)).toEqual(['4200003151']);
    const meter = f.sandbox.meters().find((m) => m.number === 'CW-1')!;
    expect(meter.accountNumber).toBe('4200003151'); // registerMetersReadings would not have cleaned it

    // What comes back names the same account, whatever the platform's row wrote.
    f.sandbox.addResidentReading({ meterId: meter.id, values: ['2'] });
    f.sandbox.addPayment({
      organizationId: DOMA_ORG,
      amount: '100',
      accountNumber: 'л/с 4200003151',
      transferDate: new Date(Date.now() - 3600_000).toISOString(),
      order: '1',
    });
    expect((await syncOnce(f, { direction: 'inbound' })).state).toBe('succeeded');
    const inbox = await readInbox(f.store.db, f.org, { limit: 20 });
    const byKind = Object.fromEntries(
      inbox.items.map((i) => [i.kind, i.payload as { accountNumber?: string }]),
    );
    expect(byKind.reading?.accountNumber).toBe('4200003151');
    expect(byKind.payment?.accountNumber).toBe('4200003151');
    expect((byKind.payment as { source: { accountNumber: string } }).source.accountNumber).toBe(
      'л/с 4200003151',
    );
  });
});
