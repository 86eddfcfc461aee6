import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '../../src/store/operation-store.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('platform-served routes under /p/<platform>/<connection> on %s', (kind) => {
  let hub: TestHub;
  let conn: string;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-served'] });
    const created = await call(hub, 'POST', '/v1/orgs/uk-served/connections', {
      json: {
        platform: 'testbed',
        name: 'pushing',
        credentials: { user: 'bridge', password: 'push-secret-1' },
        settings: { baseUrl: 'http://127.0.0.1:9' },
      },
    });
    expect(created.status).toBe(200);
    conn = created.body.id;
  });
  afterAll(() => hub.close());

  const push = (headers: Record<string, string>, items: unknown[], id = conn) =>
    fetch(`${hub.url}/p/testbed/${id}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ items }),
    });

  it('authenticates the platform with the connection secret, not a hub token', async () => {
    const events = [
      { id: 'e1', kind: 'reading', payload: { meter: 'm1', value: '12.5' } },
      { id: 'e2', kind: 'payment', payload: { amount: 100 } },
    ];
    expect((await push({}, events)).status).toBe(401);
    expect((await push({ 'x-testbed-secret': 'wrong-secret-1' }, events)).status).toBe(401);
    expect((await push({ authorization: `Bearer ${hub.adminToken}` }, events)).status).toBe(401);
    const ok = await push({ 'x-testbed-secret': 'push-secret-1' }, events);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ accepted: 2, new: 2 });
    // A replay adds nothing.
    expect(await (await push({ 'x-testbed-secret': 'push-secret-1' }, events)).json()).toEqual({
      accepted: 2,
      new: 0,
    });
    const inbox = await call(hub, 'GET', '/v1/orgs/uk-served/inbox');
    expect(inbox.body.items.map((i: { sourceId: string }) => i.sourceId)).toEqual(['e1', 'e2']);
    const ops = await listOperations(hub.store.db, { connectionId: conn, type: 'callback', limit: 10 });
    expect(ops.map((o) => [o.received, o.unchanged])).toEqual([
      [2, 2],
      [2, 0],
    ]);
  });

  it('answers 404 for an unknown connection and 400 for a malformed body', async () => {
    expect((await push({ 'x-testbed-secret': 'push-secret-1' }, [], 'no-such-connection')).status).toBe(404);
    const bad = await push({ 'x-testbed-secret': 'push-secret-1' }, [{ kind: 'reading' }]);
    expect(bad.status).toBe(400);
  });
});
