import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityKinds } from '../../src/domain/entity-kinds.js';
import { ackInbox, appendInbox, readInbox } from '../../src/store/inbox-store.js';
import { ingestRecords } from '../../src/store/ingest-records.js';
import type { Store } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { getRecord } from '../../src/store/record-store.js';
import { orgFixture } from '../support/test-hub.js';
import { openTestStore, storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('store on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await upsertOrg(store.db, orgFixture('org') as never);
  });
  afterAll(async () => store?.close());

  it('writes nothing for an unchanged record: seq and updatedAt stay', async () => {
    const svc = [{ id: 's1', name: 'Отопление', measure: 'Гкал' }];
    expect((await ingestRecords(store.db, 'org', entityKinds.service, svc)).created).toBe(1);
    const before = await getRecord(store.db, 'org', 'service', 's1');
    const again = await ingestRecords(store.db, 'org', entityKinds.service, svc);
    expect(again.unchanged).toBe(1);
    const after = await getRecord(store.db, 'org', 'service', 's1');
    expect(after).toEqual(before);
    await ingestRecords(store.db, 'org', entityKinds.service, [{ ...svc[0], measure: 'м³' }]);
    const changed = await getRecord(store.db, 'org', 'service', 's1');
    expect(changed!.seq).toBeGreaterThan(before!.seq);
    expect(changed!.data).toMatchObject({ measure: 'м³' });
  });

  it('stores money as integer kopecks', async () => {
    await ingestRecords(store.db, 'org', entityKinds.balance, [
      { accountNumber: '1', serviceId: 's1', date: '2024-01-01', amount: '-20394.86' },
    ]);
    const row = await getRecord(store.db, 'org', 'balance', '1/s1/2024-01-01');
    expect(row!.data).toMatchObject({ amount: -2039486 });
  });

  it('inbox: redelivery of a source id adds nothing; ack only moves forward', async () => {
    const entry = (s: string) => ({
      connectionId: 'c1',
      platform: 'uzhkh',
      kind: 'reading',
      sourceId: s,
      payload: { v: s },
    });
    expect(await appendInbox(store.db, 'org', [entry('a'), entry('b')])).toBe(2);
    expect(await appendInbox(store.db, 'org', [entry('b'), entry('c')])).toBe(1);
    const page = await readInbox(store.db, 'org', { limit: 10 });
    expect(page.items.map((i) => i.sourceId)).toEqual(['a', 'b', 'c']);
    const second = page.items[1]!.cursor;
    expect(await ackInbox(store.db, 'org', second)).toBe(second);
    expect(await ackInbox(store.db, 'org', page.items[0]!.cursor)).toBe(second);
    const rest = await readInbox(store.db, 'org', { limit: 10 });
    expect(rest.items.map((i) => i.sourceId)).toEqual(['c']);
  });

  it('keeps the last of a key repeated across write chunks, reported as created', async () => {
    const services = Array.from({ length: 2500 }, (_, i) => ({ id: `chunk-${i}`, name: `Услуга ${i}` }));
    services[2200] = { id: 'chunk-10', name: 'последняя' };
    const res = await ingestRecords(store.db, 'org', entityKinds.service, services);
    expect(res.results[10]).toMatchObject({ status: 'rejected', errors: [{ code: 'duplicate_key' }] });
    expect(res.results[2200]).toMatchObject({ key: 'chunk-10', status: 'created' });
    expect(res).toMatchObject({ created: 2499, rejected: 1 });
    expect((await getRecord(store.db, 'org', 'service', 'chunk-10'))!.data).toMatchObject({
      name: 'последняя',
    });
    expect(res.results[0]).not.toHaveProperty('record');
  });

  it('rejects a record with a NUL character and still writes the others', async () => {
    const res = await ingestRecords(store.db, 'org', entityKinds.service, [
      { id: 'nul-ok', name: 'Вывоз ТКО' },
      { id: 'nul-bad', name: 'a\u0000b' },
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['created', 'rejected']);
    expect(res.results[1]!.errors![0]!.code).toBe('nul_character');
    expect(await getRecord(store.db, 'org', 'service', 'nul-ok')).toBeDefined();
  });
});
