import { existsSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIds } from '../../src/store/id-map-store.js';
import { CONSOLE_INDEX } from '../console/browser.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

/** The /v1 routes the operator console is built on; any other client may use them the same way. */
describe.each(storeKinds)('console API on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-one', 'uk-two'] });
  });
  afterAll(async () => hub?.close());

  it('lists the platforms with what they sync and what the console shows for them', async () => {
    const res = await call(hub, 'GET', '/v1/platforms');
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.map((p: { platform: string }) => [p.platform, p]));
    expect(Object.keys(by).sort()).toEqual(['doma', 'domcontrol', 'is74', 'testbed', 'uzhkh', 'webhook']);
    expect(by.doma.registries).toBe(true);
    expect(by.domcontrol.registries).toBe(false);
    expect(by.domcontrol.outbound).toEqual(expect.arrayContaining(['service', 'account', 'reading']));
    expect(by.uzhkh.inbound.length).toBeGreaterThan(0);
    const approve = by.uzhkh.console.inboxActions.find(
      (a: { kind: string; title: string }) => a.kind === 'registration_request' && a.title === 'Одобрить',
    );
    expect(approve.path).toBe('/v1/orgs/{org}/connections/{connection}/uzhkh/decisions');
    expect(by.is74.console.pages[0]).toMatchObject({ id: 'users', scope: 'org' });
    expect(by.domcontrol.console).toEqual({});
    expect((await call(hub, 'GET', '/v1/platforms', { token: null })).status).toBe(401);
  });

  it('every declared console path is a route the hub has', async () => {
    const doc = (await call(hub, 'GET', '/openapi.json')).body as { paths: Record<string, unknown> };
    const platforms = (await call(hub, 'GET', '/v1/platforms')).body as Array<{
      console: {
        pages?: Array<Record<string, { path: string } | unknown>>;
        inboxActions?: Array<{ path: string }>;
      };
    }>;
    const paths = platforms.flatMap((p) => [
      ...(p.console.inboxActions ?? []).map((a) => a.path),
      ...(p.console.pages ?? []).flatMap((page) =>
        ['list', 'create', 'remove']
          .map((k) => (page[k] as { path: string } | undefined)?.path)
          .filter(Boolean),
      ),
    ]) as string[];
    expect(paths.length).toBeGreaterThan(4);
    const openapi = (p: string) => p.replace('{connection}', '{id}');
    for (const p of paths) expect(Object.keys(doc.paths), p).toContain(openapi(p));
  });

  it('gives the settings and credentials of a platform as JSON Schema that validates like the zod schema', async () => {
    const res = await call(hub, 'GET', '/v1/platforms/domcontrol/settings-schema');
    expect(res.status).toBe(200);
    const { settings, credentials, sync } = res.body;
    expect(settings.properties.baseUrl).toMatchObject({ type: 'string', format: 'uri' });
    expect(settings.required).toEqual(['baseUrl']);
    expect(settings.properties.auth.properties.mode.enum).toEqual(['none', 'bearer', 'basic']);
    expect(credentials.anyOf).toHaveLength(3);
    expect(sync.properties.schedule.type).toBe('string');
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const valid = ajv.compile(settings);
    expect(valid({ baseUrl: 'http://127.0.0.1:1/', auth: { mode: 'bearer' } })).toBe(true);
    expect(valid({ auth: { mode: 'bearer' } })).toBe(false);
    expect(valid({ baseUrl: 'http://x/', auth: { mode: 'kerberos' } })).toBe(false);
    const missing = await call(hub, 'GET', '/v1/platforms/vk/settings-schema');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('known: testbed');
  });

  it('lists the canonical kinds with their path segment and key', async () => {
    const res = await call(hub, 'GET', '/v1/kinds');
    const account = res.body.find((k: { name: string }) => k.name === 'account');
    expect(account).toMatchObject({ plural: 'accounts', keyFields: ['number'] });
    expect(res.body.find((k: { name: string }) => k.name === 'receipt_file')?.plural).toBe('receipt-files');
  });

  it("overview: each connection's health, schedule and next run; disabled ones are off", async () => {
    const make = (name: string, extra: Record<string, unknown>) =>
      call(hub, 'POST', '/v1/orgs/uk-one/connections', {
        json: {
          platform: 'testbed',
          name,
          credentials: { user: 'u', password: 'p' },
          settings: { baseUrl: 'http://127.0.0.1:9/', ...extra },
        },
      });
    expect((await make('nightly', { sync: { schedule: '0 3 * * *' } })).status).toBe(200);
    const off = await make('paused', {});
    await call(hub, 'PATCH', `/v1/orgs/uk-one/connections/${off.body.id}`, { json: { enabled: false } });
    const res = await call(hub, 'GET', '/v1/orgs/uk-one/overview');
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.connections.map((c: { name: string }) => [c.name, c]));
    expect(by.nightly).toMatchObject({
      health: 'amber',
      lastRun: null,
      openErrors: 0,
      schedule: '0 3 * * *',
    });
    expect(new Date(by.nightly.nextRunAt).getUTCHours()).toBe(3);
    expect(Date.parse(by.nightly.nextRunAt)).toBeGreaterThan(Date.now());
    expect(by.paused).toMatchObject({ health: 'off', nextRunAt: null, enabled: false });
    const scoped = await hub.tokenFor('uk-two');
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/overview', { token: scoped })).status).toBe(403);
    expect((await call(hub, 'GET', '/v1/orgs/uk-two/overview', { token: scoped })).body).toEqual({
      connections: [],
    });
  });

  it("the id map answers one record's platform ids by key", async () => {
    const conn = await call(hub, 'POST', '/v1/orgs/uk-two/connections', {
      json: { platform: 'testbed', name: 'ids', settings: { baseUrl: 'http://127.0.0.1:9/' } },
    });
    await upsertIds(hub.store.db, conn.body.id, [
      { entity: 'account', key: 'LS-1', platformId: 'p-1' },
      { entity: 'account', key: 'LS-2', platformId: 'p-2' },
    ]);
    const res = await call(hub, 'GET', `/v1/orgs/uk-two/connections/${conn.body.id}/ids?key=LS-2`);
    expect(res.body.items.map((i: { platformId: string }) => i.platformId)).toEqual(['p-2']);
  });

  it('serves the console under /ui/ without a token, with its CSP, and sends client routes index.html', async () => {
    const res = await fetch(`${hub.url}/ui/orgs/uk-one/errors`);
    // Built by `npm run build`; without it the hub says how to build it instead of a blank page.
    if (existsSync(CONSOLE_INDEX)) {
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    } else {
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    }
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const bare = await fetch(`${hub.url}/ui`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/ui/');
  });
});
