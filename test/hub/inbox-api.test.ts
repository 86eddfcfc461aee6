import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendInbox } from '../../src/store/inbox-store.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('inbox feed on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-one', 'uk-two'] });
    const entries = Array.from({ length: 5 }, (_, i) => ({
      connectionId: 'conn-1',
      platform: 'uzhkh',
      kind: i % 2 ? 'payment' : 'reading',
      sourceId: `src-${i}`,
      payload: { n: i },
    }));
    await appendInbox(hub.store.db, 'uk-one', entries);
    await appendInbox(hub.store.db, 'uk-two', [{ ...entries[0]!, connectionId: 'conn-2' }]);
    await appendInbox(hub.store.db, 'uk-one', [
      {
        connectionId: 'conn-3',
        platform: 'doma',
        kind: 'payment',
        sourceId: 'doma-0',
        payload: { sum: '1.00' },
      },
    ]);
  });
  afterAll(async () => hub?.close());

  it('pages by cursor, acks up to a cursor and then starts after it', async () => {
    const first = await call(hub, 'GET', '/v1/orgs/uk-one/inbox?limit=2');
    expect(first.body.items.map((i: { sourceId: string }) => i.sourceId)).toEqual(['src-0', 'src-1']);
    const second = await call(hub, 'GET', `/v1/orgs/uk-one/inbox?limit=2&after=${first.body.next}`);
    expect(second.body.items.map((i: { sourceId: string }) => i.sourceId)).toEqual(['src-2', 'src-3']);
    const ack = await call(hub, 'POST', '/v1/orgs/uk-one/inbox/ack', { json: { cursor: second.body.next } });
    expect(ack.body.ackedThrough).toBe(second.body.next);
    const rest = await call(hub, 'GET', '/v1/orgs/uk-one/inbox');
    expect(rest.body.items.map((i: { sourceId: string }) => i.sourceId)).toEqual(['src-4', 'doma-0']);
    expect(rest.body.next).toBeNull();
    const back = await call(hub, 'POST', '/v1/orgs/uk-one/inbox/ack', { json: { cursor: 1 } });
    expect(back.body.ackedThrough).toBe(second.body.next);
    expect((await call(hub, 'POST', '/v1/orgs/uk-one/inbox/ack', { json: { cursor: 10_000 } })).status).toBe(
      400,
    );
  });

  it('filters by kind and keeps organizations apart', async () => {
    const readings = await call(hub, 'GET', '/v1/orgs/uk-one/inbox?after=0&kind=reading');
    expect(readings.body.items.map((i: { sourceId: string }) => i.sourceId)).toEqual([
      'src-0',
      'src-2',
      'src-4',
    ]);
    const two = await call(hub, 'GET', '/v1/orgs/uk-two/inbox');
    expect(two.body.items).toHaveLength(1);
    expect(two.body.items[0].connectionId).toBe('conn-2');
  });

  it('filters by platform and shows one item by its cursor', async () => {
    const doma = await call(hub, 'GET', '/v1/orgs/uk-one/inbox?after=0&platform=doma');
    expect(doma.body.items.map((i: { sourceId: string }) => i.sourceId)).toEqual(['doma-0']);
    const both = await call(hub, 'GET', '/v1/orgs/uk-one/inbox?after=0&platform=uzhkh&kind=payment');
    expect(both.body.items.map((i: { sourceId: string }) => i.sourceId)).toEqual(['src-1', 'src-3']);
    const cursor = doma.body.items[0].cursor;
    const one = await call(hub, 'GET', `/v1/orgs/uk-one/inbox/${cursor}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(doma.body.items[0]);
    expect(one.body.payload).toEqual({ sum: '1.00' });
    // Another organization's item is not there, whatever its cursor.
    expect((await call(hub, 'GET', `/v1/orgs/uk-two/inbox/${cursor}`)).status).toBe(404);
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/inbox/999999')).body.error).toBe('inbox_item_not_found');
  });
});
