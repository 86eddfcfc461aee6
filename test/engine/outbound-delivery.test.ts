import { afterEach, describe, expect, it } from 'vitest';
import { readOutboundMark } from '../../src/engine/run/outbound-mark.js';
import { listOperations } from '../../src/store/operation-store.js';
import { listRecordErrors } from '../../src/store/record-error-store.js';
import { seqWatermark } from '../../src/store/record-store.js';
import {
  type EngineFixture,
  ORG,
  putServices,
  removeServices,
  serviceRecords,
  startEngineFixture,
  syncOnce,
} from '../support/engine-fixture.js';
import { storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('outbound delivery on %s', (kind) => {
  let f: EngineFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('lands 10,000 records exactly once with their latest payload while 30% of requests fail', async () => {
    f = await startEngineFixture(kind, {
      testbed: {
        seed: 7,
        maxItems: 250,
        errorRate: 0.08,
        lostAnswerRate: 0.08,
        resetRate: 0.05,
        rateLimitRate: 0.05,
        rateLimitResetMs: 20,
        timeoutRate: 0.04,
        hangMs: 400,
        tokenTtlMs: 700,
      },
      sync: { timeoutMs: 200 },
    });
    const records = serviceRecords(10_000);
    // 40 records the platform refuses on purpose.
    const rejected = new Set(records.filter((_, i) => i % 250 === 7).map((r) => r.id));
    await putServices(
      f.store,
      records.map((r) => (rejected.has(r.id) ? { ...r, reject: 'bad_service' } : r)),
    );
    const run = await syncOnce(f, { kinds: ['service'] });
    expect(run.lastError).toBeNull();
    expect(run.state).toBe('partial');
    expect(run.sent).toBe(10_000 - rejected.size);
    expect(run.failed).toBe(rejected.size);

    // Then the billing changes a tenth of them (fixing the refused ones among them) and the next
    // sync carries the change; the fixed records' errors are resolved.
    const changed = serviceRecords(1000, 2);
    await putServices(f.store, changed);
    const second = await syncOnce(f, { kinds: ['service'] });
    expect(second.sent).toBe(1000);
    for (const id of rejected) if (id < 's001000') rejected.delete(id);

    const items = f.testbed.items('service');
    expect(items.size).toBe(10_000 - rejected.size);
    const ids = new Set([...items.values()].map((i) => i.id));
    expect(ids.size).toBe(items.size); // one platform id per record: no duplicates
    for (const r of [...changed, ...records.slice(1000)]) {
      if (rejected.has(r.id)) continue;
      expect((items.get(r.id)?.payload as { name: string } | undefined)?.name).toBe(r.name);
    }
    const faults = f.testbed.stats.faults;
    const faulted = faults.error + faults.lostAnswer + faults.reset + faults.timeout + faults.rateLimited;
    expect(faulted / f.testbed.stats.writeRequests).toBeGreaterThan(0.2);

    const errors = await listRecordErrors(f.store.db, ORG, { state: 'open', limit: 1000 });
    expect(new Set(errors.map((e) => e.key))).toEqual(rejected);
    expect(errors.every((e) => e.code === 'bad_service')).toBe(true);
  }, 120_000);

  it('makes no write request on an unchanged re-sync, and does not resend refused records', async () => {
    f = await startEngineFixture(kind);
    await putServices(f.store, [...serviceRecords(1500), { id: 'x-bad', name: 'bad', reject: 'nope' }]);
    const first = await syncOnce(f);
    expect(first.sent).toBe(1500);
    const writes = f.testbed.stats.writeRequests;
    const again = await syncOnce(f);
    expect(f.testbed.stats.writeRequests).toBe(writes);
    expect(again.state).toBe('succeeded');
    expect(again.sent).toBe(0);
    expect(again.unchanged).toBe(1501);
    expect(await listOperations(f.store.db, { parentId: again.id, type: 'batch', limit: 10 })).toHaveLength(
      0,
    );
  });

  it('splits a batch the platform refuses as too large, and every record lands', async () => {
    f = await startEngineFixture(kind, { testbed: { maxItems: 130 } });
    await putServices(f.store, serviceRecords(1000));
    const run = await syncOnce(f);
    expect(run.state).toBe('succeeded');
    expect(f.testbed.items('service').size).toBe(1000);
    expect(f.testbed.stats.faults.tooLarge).toBeGreaterThan(0);
    const batches = await listOperations(f.store.db, { parentId: run.id, type: 'batch', limit: 100 });
    expect(batches.every((b) => b.sent <= 130)).toBe(true);
  });

  it('delivers deletions, and resend-all sends everything again without touching data', async () => {
    f = await startEngineFixture(kind);
    await putServices(f.store, serviceRecords(20));
    await syncOnce(f);
    await removeServices(f.store, ['s000003', 's000004']);
    const run = await syncOnce(f);
    expect(run.sent).toBe(2);
    expect(f.testbed.items('service').get('s000003')?.deleted).toBe(true);
    expect(f.testbed.items('service').get('s000005')?.deleted).toBe(false);

    const { reset, runs } = await f.engine.resend(ORG, f.connectionId, {
      kind: 'service',
      onlyFailed: false,
    });
    expect(reset).toBe(20);
    const resent = await f.engine.execute(runs[0]!.id);
    // Deletions are sent again too: without a confirmation the platform may still hold a record.
    expect(resent.sent).toBe(20);
    expect(f.testbed.items('service').get('s000007')?.writes).toBe(2);
  });

  it('dead-letters a batch after the last attempt and delivers it on the next run', async () => {
    f = await startEngineFixture(kind, { testbed: { errorRate: 1 }, sync: { maxAttempts: 3 } });
    await putServices(f.store, serviceRecords(10));
    const failed = await syncOnce(f, { kinds: ['service'] });
    // Not one request got an answer: the run failed (it did not get through), it is not partial.
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/^dead_letter: retries_exhausted/);
    const dead = await listRecordErrors(f.store.db, ORG, { state: 'open', limit: 100 });
    expect(dead).toHaveLength(10);
    expect(dead[0]!.code).toBe('dead_letter');
    expect(dead[0]!.message).toMatch(/retries_exhausted/);
    expect(f.testbed.stats.writeRequests).toBe(3);

    f.testbed.setFaults({ errorRate: 0 });
    const ok = await syncOnce(f, { kinds: ['service'] });
    expect(ok.sent).toBe(10);
    expect(await listRecordErrors(f.store.db, ORG, { state: 'open', limit: 100 })).toHaveLength(0);
  });

  it('retry-failed resends only the refused records once they are fixed on the platform side', async () => {
    f = await startEngineFixture(kind);
    await putServices(f.store, [...serviceRecords(5), { id: 'x-bad', name: 'bad', reject: 'nope' }]);
    await syncOnce(f);
    const { reset, runs } = await f.engine.resend(ORG, f.connectionId, { onlyFailed: true });
    expect(reset).toBe(1);
    const again = await f.engine.execute(runs[0]!.id);
    expect(again.failed).toBe(1);
    expect(again.sent).toBe(0);
    expect(again.unchanged).toBe(5);
  });

  it('fails the run on refused credentials without retrying', async () => {
    f = await startEngineFixture(kind);
    f.testbed.setFaults({});
    await putServices(f.store, serviceRecords(3));
    const { updateConnection } = await import('../../src/store/connection-store.js');
    await updateConnection(f.store.db, f.box, ORG, f.connectionId, {
      credentials: { user: 'bridge', password: 'wrong' },
    });
    f.engine.ctx.sessions.clear();
    const run = await syncOnce(f);
    expect(run.state).toBe('failed');
    expect(run.lastError).toMatch(/auth_rejected/);
    expect(f.testbed.stats.logins).toBeLessThanOrEqual(2);
  });
});

describe.each(storeKinds)('in-flight requests per connection on %s', (kind) => {
  it('keeps one request in flight by default and up to retry.concurrency when raised', async () => {
    const serial = await startEngineFixture(kind, { testbed: { latencyMs: 30, maxItems: 1000 } });
    try {
      await putServices(serial.store, serviceRecords(3000));
      await syncOnce(serial, { kinds: ['service'] });
      expect(serial.testbed.stats.maxInflight).toBe(1);
    } finally {
      await serial.close();
    }
    const parallel = await startEngineFixture(kind, {
      testbed: { latencyMs: 30 },
      sync: { concurrency: 3 },
    });
    try {
      await putServices(parallel.store, serviceRecords(3000));
      // maxBatchRecords is the engine's own cap: 12 batches of 250 give the pool something to overlap.
      const { updateConnection } = await import('../../src/store/connection-store.js');
      await updateConnection(parallel.store.db, parallel.box, ORG, parallel.connectionId, {
        settings: {
          baseUrl: parallel.testbed.url,
          sync: { retry: { concurrency: 3, timeoutMs: 5000 }, maxBatchRecords: 250 },
        },
      });
      const run = await syncOnce(parallel, { kinds: ['service'] });
      expect(run.sent).toBe(3000);
      expect(parallel.testbed.stats.maxInflight).toBeGreaterThan(1);
      expect(parallel.testbed.stats.maxInflight).toBeLessThanOrEqual(3);
      const batches = await listOperations(parallel.store.db, {
        parentId: run.id,
        type: 'batch',
        limit: 100,
      });
      expect(batches).toHaveLength(12);
    } finally {
      await parallel.close();
    }
  });
});

describe.each(storeKinds)('incremental passes on %s', (kind) => {
  it('reads only what changed since the last complete pass, and everything again when settings change', async () => {
    const f = await startEngineFixture(kind);
    try {
      await putServices(f.store, serviceRecords(100));
      const first = await syncOnce(f, { kinds: ['service'] });
      expect([first.sent, first.unchanged]).toEqual([100, 0]);
      const mark = await readOutboundMark(f.store.db, f.connectionId, 'service');
      expect(mark?.seq).toBe(await seqWatermark(f.store.db));

      await putServices(f.store, serviceRecords(3, 2, 40));
      await removeServices(f.store, ['s000090']);
      const second = await syncOnce(f, { kinds: ['service'] });
      // Only the four changed records were even looked at (the rest count as unchanged).
      expect([second.sent, second.unchanged]).toEqual([4, 96]);
      const batches = await listOperations(f.store.db, { parentId: second.id, type: 'batch', limit: 5 });
      expect(batches.map((b) => b.sent)).toEqual([4]);
      expect(f.testbed.items('service').get('s000041')?.payload).toMatchObject({ name: 'Услуга 41 v2' });
      expect(f.testbed.items('service').get('s000090')?.deleted).toBe(true);

      const { updateConnection } = await import('../../src/store/connection-store.js');
      await updateConnection(f.store.db, f.box, ORG, f.connectionId, {
        settings: { baseUrl: f.testbed.url, batchSize: 500 },
      });
      const third = await syncOnce(f, { kinds: ['service'] });
      // New settings: every record is compared again (none had to be sent), and the mark moves on.
      expect([third.sent, third.unchanged]).toEqual([0, 100]);
      expect((await readOutboundMark(f.store.db, f.connectionId, 'service'))?.fingerprint).not.toBe(
        mark?.fingerprint,
      );
      const fourth = await syncOnce(f, { kinds: ['service'] });
      expect([fourth.sent, fourth.unchanged]).toEqual([0, 100]);
    } finally {
      await f.close();
    }
  });
});
