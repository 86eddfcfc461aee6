import { describe, expect, it } from 'vitest';
import { SEED_HOUSE_ADDRESS, SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import { storeKinds } from '../../../support/test-stores.js';
import { domaSuite, putFlats, putRecords, receiptInput, syncOnce } from './doma-fixture.js';

/**
 * A receipt's payload carries its account's place: the premise and the house (seed 000 `address`,
 * `addressMeta`). The receipts stream declares those dependencies, so an unchanged re-publish reads
 * nothing, and a changed house still reaches every receipt of the house — and only those.
 */
describe.each(storeKinds)('Doma.ai: dependency-aware re-publish of receipts (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('a changed house reaches every receipt of the house; an unchanged re-publish sends nothing', async () => {
    const f = await suite.start();
    const numbers = await putFlats(f, 3);
    // A second house: its receipt must not move when the first house changes.
    await putRecords(f, 'house', [{ id: 'h2', address: 'г Москва, ул Тестовая, д 2' }]);
    await putRecords(f, 'premise', [{ id: 'p9', houseId: 'h2', number: '9' }]);
    await putRecords(f, 'account', [{ number: '2000000009', premiseId: 'p9' }]);
    await putRecords(
      f,
      'receipt',
      [...numbers, '2000000009'].map((n) => receiptInput(n)),
    );
    expect(await syncOnce(f, { kinds: ['receipt'] })).toMatchObject({ state: 'succeeded', sent: 4 });
    expect(await syncOnce(f, { kinds: ['receipt'] })).toMatchObject({ sent: 0, unchanged: 4, requests: 0 });

    await putRecords(f, 'house', [
      { id: 'h14', address: `${SEED_HOUSE_ADDRESS}, корп. 1`, fiasGuid: SeedIds.houseFias },
    ]);
    const after = await syncOnce(f, { kinds: ['receipt'] });
    expect(after).toMatchObject({ state: 'succeeded', sent: 3, unchanged: 1 });

    // A premise renumbered reaches its one receipt, an account's change its own.
    await putRecords(f, 'premise', [{ id: 'p2', houseId: 'h14', number: '2а' }]);
    await putRecords(f, 'account', [{ number: '2000000009', premiseId: 'p9', ownerName: 'Новый Владелец' }]);
    expect(await syncOnce(f, { kinds: ['receipt'] })).toMatchObject({ state: 'succeeded', sent: 2 });
    const units = Object.fromEntries(f.sandbox.receipts().map((r) => [r.accountNumber, r.unitName]));
    expect(units[numbers[1]!]).toBe('2а');
    expect(await syncOnce(f, { kinds: ['receipt'] })).toMatchObject({ sent: 0, unchanged: 4 });
  });
});
