import { afterEach, describe, expect, it } from 'vitest';
import { storeKinds } from '../../support/test-stores.js';
import { sample } from './canonical-sample.js';
import { type DomcontrolFixture, startDomcontrolFixture } from './domcontrol-fixture.js';

/**
 * The billing may send its exports in any order (README, Sync engine). Seed 002 refuses an import
 * that names an id not imported yet; the refusal heals once the missing record arrives — with no
 * `retry-failed`.
 */
describe.each(storeKinds)('DomControl: a refusal caused by order heals itself (%s)', (kind) => {
  let f: DomcontrolFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  const base = async () => {
    f = await startDomcontrolFixture(kind);
    for (const k of ['house', 'premise', 'account', 'service'] as const) await f.put(k, sample[k]);
    return f;
  };

  it('a reading sent before its meter lands in the run that delivers the meter', async () => {
    const fx = await base();
    await fx.put('reading', [sample.reading[0]]);
    const first = await fx.sync();
    expect(first).toMatchObject({ state: 'partial', failed: 1 });
    expect(await fx.openErrors('reading')).toEqual([
      expect.objectContaining({ key: 'm1/2024-01-25', code: 'unknown_reference' }),
    ]);
    expect(fx.sandbox.items('readings').size).toBe(0);

    // Nothing moved: the refusal is not sent again run after run.
    const idle = fx.sandbox.stats.calls.readings;
    expect(await fx.sync()).toMatchObject({ sent: 0 });
    expect(fx.sandbox.stats.calls.readings).toBe(idle);

    await fx.put('meter', [sample.meter[0]]);
    const healed = await fx.sync();
    expect(healed).toMatchObject({ state: 'succeeded', sent: 2, failed: 0 });
    expect([...fx.sandbox.items('readings').values()]).toEqual([
      expect.objectContaining({ counter: 'm1', date: '2024-01-25T00:00:00' }),
    ]);
    expect(await fx.openErrors('reading')).toEqual([]);
    // And it stays landed: the next run sends nothing.
    expect(await fx.sync()).toMatchObject({ state: 'succeeded', sent: 0 });
  });

  it('a counter refused for its account heals in the next run, and its reading with it', async () => {
    f = await startDomcontrolFixture(kind);
    const fx = f;
    await fx.put('service', sample.service);
    // The account is in the export but its premise is not yet: the account cannot be mapped, so
    // the platform refuses the counter and then the reading.
    await fx.put('account', [sample.account[0]]);
    await fx.put('meter', [sample.meter[0]]);
    await fx.put('reading', [sample.reading[0]]);
    const first = await fx.sync();
    expect(first).toMatchObject({ state: 'partial' });
    expect((await fx.openErrors()).map((e) => e.code).sort()).toEqual([
      'premise_missing',
      'unknown_reference',
      'unknown_reference',
    ]);

    await fx.put('house', sample.house);
    await fx.put('premise', [sample.premise[0]]);
    await fx.sync();
    // The account lands, then (same run) the counter whose refusal named it, then its reading.
    expect(await fx.openErrors()).toEqual([]);
    expect(fx.sandbox.items('accounts').has('LS-001')).toBe(true);
    expect(fx.sandbox.items('counters').has('m1')).toBe(true);
    expect(fx.sandbox.items('readings').size).toBe(1);
  });
});
