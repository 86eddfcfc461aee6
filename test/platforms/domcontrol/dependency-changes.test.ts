import { afterEach, describe, expect, it } from 'vitest';
import { storeKinds } from '../../support/test-stores.js';
import { type DomcontrolFixture, startDomcontrolFixture } from './domcontrol-fixture.js';

/**
 * An account's wire form carries its premise's and house's address (seed 002 §accounts). The
 * accounts stream declares those dependencies, so a re-sync maps only the accounts whose own record,
 * premise or house changed — and a changed house still reaches every account in it.
 */
type Wire = { id: string; address: string };

describe.each(storeKinds)('DomControl: dependency-aware re-sync of accounts (%s)', (kind) => {
  let f: DomcontrolFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('a changed house reaches every account of the house and nothing else is sent', async () => {
    f = await startDomcontrolFixture(kind);
    const fx = f;
    await fx.put('house', [
      { id: 'h1', address: 'г. Челябинск, ул. Молодёжная, д. 3' },
      { id: 'h2', address: 'г. Челябинск, ул. Труда, д. 8' },
    ]);
    const flats = [1, 2, 3, 4, 5, 6];
    await fx.put(
      'premise',
      flats.map((n) => ({ id: `p${n}`, houseId: n <= 4 ? 'h1' : 'h2', type: 'flat', number: String(n) })),
    );
    await fx.put(
      'account',
      flats.map((n) => ({ number: `LS-${n}`, premiseId: `p${n}` })),
    );
    expect(await fx.sync(['account'])).toMatchObject({ state: 'succeeded', sent: 6 });
    expect(await fx.sync(['account'])).toMatchObject({ state: 'succeeded', sent: 0, unchanged: 6 });

    await fx.put('house', [{ id: 'h1', address: 'г. Челябинск, пр. Ленина, д. 1' }]);
    expect(await fx.sync(['account'])).toMatchObject({ state: 'succeeded', sent: 4, unchanged: 2 });
    const addresses = Object.fromEntries(
      [...fx.sandbox.items('accounts').values()].map((a) => [(a as Wire).id, (a as Wire).address]),
    );
    expect(addresses).toEqual({
      'LS-1': 'г. Челябинск, пр. Ленина, д. 1, кв. 1',
      'LS-2': 'г. Челябинск, пр. Ленина, д. 1, кв. 2',
      'LS-3': 'г. Челябинск, пр. Ленина, д. 1, кв. 3',
      'LS-4': 'г. Челябинск, пр. Ленина, д. 1, кв. 4',
      'LS-5': 'г. Челябинск, ул. Труда, д. 8, кв. 5',
      'LS-6': 'г. Челябинск, ул. Труда, д. 8, кв. 6',
    });

    // A premise renumbered reaches its one account.
    await fx.put('premise', [{ id: 'p5', houseId: 'h2', type: 'flat', number: '5а' }]);
    expect(await fx.sync(['account'])).toMatchObject({ state: 'succeeded', sent: 1 });
    expect((fx.sandbox.items('accounts').get('LS-5') as Wire | undefined)?.address).toBe(
      'г. Челябинск, ул. Труда, д. 8, кв. 5а',
    );
    expect(await fx.sync(['account'])).toMatchObject({ state: 'succeeded', sent: 0, unchanged: 6 });
  });
});
