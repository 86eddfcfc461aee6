import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredentials } from '../../src/store/connection-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { call, startTestHub, TEST_SECRET, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('connections on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-one'] });
  });
  afterAll(async () => hub?.close());

  it('keeps credentials encrypted at rest and never returns them', async () => {
    const created = await call(hub, 'POST', '/v1/orgs/uk-one/connections', {
      json: {
        platform: 'testbed',
        name: 'testbed-main',
        credentials: { user: 'svc@uk.ru', password: 'S3cret-pass' },
        settings: { baseUrl: 'http://127.0.0.1:9/' },
      },
    });
    expect(created.status).toBe(200);
    expect(created.text).not.toContain('S3cret-pass');
    expect(created.body.credentialFields).toEqual(['password', 'user']);
    const rows = (await hub.store.db.execute(sql`SELECT credentials FROM connections`)) as unknown as {
      rows: { credentials: string }[];
    };
    expect(rows.rows[0]!.credentials).not.toContain('S3cret');
    expect(await readCredentials(hub.store.db, SecretBox.fromString(TEST_SECRET), created.body.id)).toEqual({
      user: 'svc@uk.ru',
      password: 'S3cret-pass',
    });
    const list = await call(hub, 'GET', '/v1/orgs/uk-one/connections');
    expect(list.text).not.toContain('S3cret-pass');
    const patched = await call(hub, 'PATCH', `/v1/orgs/uk-one/connections/${created.body.id}`, {
      json: { enabled: false },
    });
    expect(patched.body.enabled).toBe(false);
  });

  it('rejects an unknown platform and a duplicate name clearly', async () => {
    const bad = await call(hub, 'POST', '/v1/orgs/uk-one/connections', {
      json: { platform: 'vk', name: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('body.platform');
    const dup = await call(hub, 'POST', '/v1/orgs/uk-one/connections', {
      json: { platform: 'testbed', name: 'testbed-main', settings: { baseUrl: 'http://127.0.0.1:9/' } },
    });
    expect(dup.status).toBe(409);
  });
});
