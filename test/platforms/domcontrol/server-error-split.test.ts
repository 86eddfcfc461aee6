import { afterEach, describe, expect, it } from 'vitest';
import type { DomcontrolSandboxOptions } from '../../../src/platforms/domcontrol/sandbox/start-domcontrol-sandbox.js';
import { listOperations } from '../../../src/store/operation-store.js';
import { FAST_RETRY } from '../../support/engine-fixture.js';
import { storeKinds } from '../../support/test-stores.js';
import { type DomcontrolFixture, ORG, startDomcontrolFixture } from './domcontrol-fixture.js';

/** Three calls per request before the policy gives up: small numbers to count calls by. */
const RETRY = { ...FAST_RETRY, maxAttempts: 3 };
const services = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${String(i).padStart(2, '0')}`, name: `Услуга ${i}` }));

/**
 * seed 002 answers every import "400–500 Ошибка при импорте": a 500 may be the data's. After the
 * retries for the 5xx, the engine splits the batch as for a 400 — and an outage still costs one dead
 * letter per batch.
 */
describe.each(storeKinds)('DomControl: a 500 may be the data (%s)', (kind) => {
  let f: DomcontrolFixture | undefined;
  const start = async (sandbox: DomcontrolSandboxOptions, batch?: number) => {
    f = await startDomcontrolFixture(kind, {
      sandbox,
      settings: { sync: { retry: RETRY, ...(batch ? { maxBatchRecords: batch } : {}) } },
    });
    return f;
  };
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('a batch refused with 500 for one record: the good records land, the bad one gets its own record error', async () => {
    const fx = await start({ crashOn: ['s07'] });
    await fx.put('service', services(12));
    const run = await fx.sync(['service']);
    expect(run).toMatchObject({ state: 'partial', sent: 11, failed: 1 });
    expect([...fx.sandbox.items('services').keys()]).toHaveLength(11);
    expect(fx.sandbox.items('services').has('s07')).toBe(false);
    expect(await fx.openErrors('service')).toEqual([
      {
        key: 's07',
        code: 'http_500',
        message: expect.stringMatching(/HTTP 500 to this record alone \(3 attempts\).*import failed on s07/),
      },
    ]);
    // Calls: the batch of 12 three times; its first half (s00–s05) lands; the second half refused
    // once, then halved at once: s06–s08 refused → s06–s07 refused → s06 lands, s07 alone three
    // times; s08 lands; s09–s11 land.
    expect(fx.sandbox.stats.calls.services).toBe(3 + 1 + 1 + 1 + 1 + 1 + 3 + 1 + 1);
    expect(fx.sandbox.stats.faults.crashed).toBe(3 + 1 + 1 + 1 + 3);

    // Refused for its data: not sent again until it changes.
    const calls = fx.sandbox.stats.calls.services;
    expect(await fx.sync(['service'])).toMatchObject({ state: 'succeeded', sent: 0 });
    expect(fx.sandbox.stats.calls.services).toBe(calls);
    fx.sandbox.setFaults({ crashOn: [] });
    await fx.put('service', [{ id: 's07', name: 'Услуга 7, исправленная' }]);
    expect(await fx.sync(['service'])).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(await fx.openErrors('service')).toEqual([]);
  });

  it('two bad records, one in each half, are both found: one record alone shows the platform works', async () => {
    const fx = await start({ crashOn: ['s01', 's06'] });
    await fx.put('service', services(8));
    const run = await fx.sync(['service']);
    expect(run).toMatchObject({ state: 'partial', sent: 6, failed: 2 });
    expect((await fx.openErrors('service')).map((e) => [e.key, e.code])).toEqual([
      ['s01', 'http_500'],
      ['s06', 'http_500'],
    ]);
  });

  it('an outage: one dead letter per batch after a bounded number of requests, sent again once it is over', async () => {
    const fx = await start({ outage: true }, 4);
    await fx.put('service', services(12));
    const run = await fx.sync(['service']);
    expect(run).toMatchObject({ sent: 0, failed: 12 });
    // Per batch of 4: the policy's 3 calls, then the first half, the second half and one record alone.
    expect(fx.sandbox.stats.calls.services).toBe(3 * (RETRY.maxAttempts + 3));
    const batches = await listOperations(fx.store.db, {
      orgId: ORG,
      parentId: run.id,
      type: 'batch',
      limit: 10,
    });
    expect(batches.map((b) => [b.state, b.failed, b.requests])).toEqual([
      ['failed', 4, 6],
      ['failed', 4, 6],
      ['failed', 4, 6],
    ]);
    const errors = await fx.openErrors('service');
    expect(errors).toHaveLength(12);
    for (const e of errors) {
      expect(e.code).toBe('dead_letter');
      expect(e.message).toMatch(
        /both halves of the batch and a record alone were refused too: the platform is failing/,
      );
    }

    // The dead letters go out again next run; a batch of one cannot tell an outage from its data,
    // so it stays a dead letter (never a refusal) after the policy's calls alone.
    await fx.put('service', [{ id: 's99', name: 'Одна' }]);
    const calls = fx.sandbox.stats.calls.services;
    expect(await fx.sync(['service'])).toMatchObject({ sent: 0, failed: 13 });
    expect(fx.sandbox.stats.calls.services - calls).toBe(3 * (RETRY.maxAttempts + 3) + RETRY.maxAttempts);
    const alone = (await fx.openErrors('service')).find((e) => e.key === 's99');
    expect(alone).toMatchObject({ code: 'dead_letter', message: expect.not.stringMatching(/halves/) });

    fx.sandbox.setFaults({ outage: false });
    expect(await fx.sync(['service'])).toMatchObject({ state: 'succeeded', sent: 13 });
    expect(await fx.openErrors('service')).toEqual([]);
  });
});
