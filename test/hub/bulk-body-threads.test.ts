import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkThreadsOf } from '../../src/hub/bulk-body-pool.js';
import { listRecords } from '../../src/store/record-store.js';
import { expectBulkBodiesWent } from '../support/bulk-paths.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';

const ORG = 'uk-threads';

/** 2,500 services (three chunks of the write): a key sent twice across chunks, bad records here and there. */
function services(round: number): unknown[] {
  const list: unknown[] = Array.from({ length: 2500 }, (_, i) => ({
    id: `s-${String(i).padStart(5, '0')}`,
    name: `Услуга ${i}, редакция ${round}`,
  }));
  list[1500] = { id: 's-00005', name: `Повтор, редакция ${round}` }; // s-00005 again, in another chunk
  list[2000] = { id: 's-bad', name: 42 };
  list[999] = { name: 'без ключа' };
  return list;
}

describe('bulk bodies validated in a bulk-body thread answer as on the hub thread', () => {
  let threaded: TestHub;
  let inline: TestHub;
  beforeAll(async () => {
    threaded = await startTestHub('pglite', { orgs: [ORG], bulkThreads: 1, bulkThreadMinBytes: 0 });
    inline = await startTestHub('pglite', { orgs: [ORG], bulkThreads: 0 });
  });
  afterAll(async () => {
    await threaded?.close();
    await inline?.close();
  });

  const both = async (path: string, body: string, contentType?: string) => {
    const opts = contentType ? { body, contentType } : { body };
    const [a, b] = [await call(threaded, 'POST', path, opts), await call(inline, 'POST', path, opts)];
    expect(a.status, path).toBe(b.status);
    expect(a.body, path).toEqual(b.body);
    return a;
  };
  const stored = async (hub: TestHub) =>
    (await listRecords(hub.store.db, ORG, 'service', { limit: 10_000 })).map((r) => [r.key, r.hash]);

  it('a body of several chunks: created, updated, unchanged, duplicates and refusals alike, and the same rows', async () => {
    const path = `/v1/orgs/${ORG}/services`;
    const dry = await both(`${path}?dryRun=true`, JSON.stringify(services(1)));
    expect(dry.body.created).toBe(2497);
    expect(await stored(threaded)).toEqual([]);

    const first = await both(path, JSON.stringify(services(1)));
    expect(first.body).toMatchObject({ total: 2500, created: 2497, rejected: 3 });
    expect(first.body.results[5]).toMatchObject({ status: 'rejected', errors: [{ code: 'duplicate_key' }] });
    expect(first.body.results[1500]).toMatchObject({ key: 's-00005', status: 'created' });
    expect(first.body.results[2000]).toMatchObject({ status: 'rejected', errors: [{ path: 'name' }] });

    const again = await both(path, JSON.stringify(services(1)));
    // s-00005 is written as sent, one after another: index 5's version (chunk 1) then index 1500's
    // (chunk 2), so the re-send updates it; everything else is unchanged.
    expect(again.body).toMatchObject({ unchanged: 2496, updated: 1 });
    const next = services(2);
    next[7] = (services(1) as Array<{ id: string; name: string }>)[7]; // unchanged among the updated
    const changed = await both(path, next.map((r) => JSON.stringify(r)).join('\n'), 'application/x-ndjson');
    expect(changed.body).toMatchObject({ updated: 2496, unchanged: 1, rejected: 3 });
    expect(await stored(threaded)).toEqual(await stored(inline));
  });

  it('an empty array, a body that is no array, too many records and broken JSON alike', async () => {
    const path = `/v1/orgs/${ORG}/services`;
    expect((await both(path, '[]')).body).toMatchObject({ total: 0, results: [] });
    expect((await both(path, '{"id":"x"}')).body.error).toBe('body_not_array');
    expect((await both(path, '[{"id":"x","name":"y"},')).body.error).toBe('malformed_json');
    expect((await both(path, '[{"id":"x","name":"y"}]'.padEnd(40, ' '))).status).toBe(200);
    await expectBulkBodiesWent(threaded, 'in a bulk-body thread');
    await expectBulkBodiesWent(inline, 'on the hub thread');
  });

  it('ZHKH_BULK_THREADS: one per core but one (1 to 4) unless set; 0 turns them off', () => {
    const auto = bulkThreadsOf({});
    expect(auto).toBeGreaterThanOrEqual(1);
    expect(auto).toBeLessThanOrEqual(4);
    expect(bulkThreadsOf({ ZHKH_BULK_THREADS: '0' })).toBe(0);
    expect(bulkThreadsOf({ ZHKH_BULK_THREADS: '3' })).toBe(3);
    expect(() => bulkThreadsOf({ ZHKH_BULK_THREADS: '-1' })).toThrow(/ZHKH_BULK_THREADS/);
    expect(() => bulkThreadsOf({ ZHKH_BULK_THREADS: 'lots' })).toThrow(/ZHKH_BULK_THREADS/);
  });
});
