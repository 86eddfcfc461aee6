import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CACHE_MS } from '../../src/hub/token-cache.js';
import { revokeToken } from '../../src/store/token-store.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('tokens and scoping on %s', (kind) => {
  let hub: TestHub;
  let oneToken: string;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-one', 'uk-two'] });
    oneToken = await hub.tokenFor('uk-one');
  });
  afterAll(async () => hub?.close());

  it('health needs no token; everything else does', async () => {
    expect((await call(hub, 'GET', '/healthz', { token: null })).status).toBe(200);
    expect((await call(hub, 'GET', '/readyz', { token: null })).body).toMatchObject({ status: 'ready' });
    for (const path of [
      '/v1/orgs',
      '/v1/orgs/uk-one/accounts',
      '/metrics',
      '/openapi.json',
      '/docs/json',
      '/docs/yaml',
      '/v1/tokens',
    ]) {
      const res = await call(hub, 'GET', path, { token: null });
      expect(res.status, path).toBe(401);
    }
    expect((await call(hub, 'GET', '/v1/orgs', { token: 'zb_wrong' })).status).toBe(401);
  });

  it('a scoped token sees its organization only: 403 elsewhere, existing or not', async () => {
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/accounts', { token: oneToken })).status).toBe(200);
    const other = await call(hub, 'GET', '/v1/orgs/uk-two/accounts', { token: oneToken });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('forbidden');
    expect((await call(hub, 'GET', '/v1/orgs/ghost/accounts', { token: oneToken })).status).toBe(403);
    expect((await call(hub, 'GET', '/v1/orgs/ghost/accounts')).status).toBe(404);
    const orgs = await call(hub, 'GET', '/v1/orgs', { token: oneToken });
    expect(orgs.body.map((o: { id: string }) => o.id)).toEqual(['uk-one']);
  });

  it('only an admin creates organizations and tokens', async () => {
    const org = { id: 'uk-three', name: 'ТСЖ «Три»', inn: '7830002293' };
    expect((await call(hub, 'POST', '/v1/orgs', { token: oneToken, json: org })).status).toBe(403);
    expect((await call(hub, 'POST', '/v1/orgs', { json: org })).body.status).toBe('created');
    expect((await call(hub, 'POST', '/v1/orgs', { json: org })).body.status).toBe('unchanged');
    expect((await call(hub, 'POST', '/v1/tokens', { token: oneToken, json: { name: 'x' } })).status).toBe(
      403,
    );
    const made = await call(hub, 'POST', '/v1/tokens', { json: { name: 'three', org: 'uk-three' } });
    expect(made.body.token).toMatch(/^zb_/);
    expect((await call(hub, 'GET', '/v1/orgs/uk-three', { token: made.body.token })).status).toBe(200);
    const revoked = await call(hub, 'DELETE', `/v1/tokens/${made.body.info.id}`);
    expect(revoked.body).toEqual({ revoked: true });
    expect((await call(hub, 'GET', '/v1/orgs/uk-three', { token: made.body.token })).status).toBe(401);
  });

  it('a token revoked by another process (same store) is refused within the token cache time', async () => {
    const made = await call(hub, 'POST', '/v1/tokens', { json: { name: 'elsewhere', org: 'uk-one' } });
    expect((await call(hub, 'GET', '/v1/orgs/uk-one', { token: made.body.token })).status).toBe(200);
    // As `zhkh-bridge tokens revoke` on the same PostgreSQL from another process would: in the
    // store, with nothing said to this hub.
    expect(await revokeToken(hub.store.db, made.body.info.id)).toBe(true);
    await new Promise((r) => setTimeout(r, TOKEN_CACHE_MS + 100));
    expect((await call(hub, 'GET', '/v1/orgs/uk-one', { token: made.body.token })).status).toBe(401);
  });

  it('validates organizations with their check digits', async () => {
    const res = await call(hub, 'POST', '/v1/orgs', {
      json: {
        id: 'bad',
        name: 'x',
        inn: '1234567895',
        bankAccounts: [{ bik: '044712576', account: '50300807000003002104' }],
      },
    });
    expect(res.status).toBe(400);
    const paths = res.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.inn', 'body.bankAccounts.0.account']));
  });

  it('serves OpenAPI from the zod schemas, docs and metrics with a token', async () => {
    const spec = await call(hub, 'GET', '/openapi.json');
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/v1/orgs/{org}/receipts', '/v1/orgs/{org}/inbox']),
    );
    const receiptPost = spec.body.paths['/v1/orgs/{org}/receipts'].post;
    expect(JSON.stringify(receiptPost.requestBody)).toContain('accountNumber');
    // The docs page is public and asks for the token itself; what it shows needs the token.
    const page = await fetch(`${hub.url}/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
    const init = await (await fetch(`${hub.url}/docs/static/swagger-initializer.js`)).text();
    expect(init).toContain('sessionStorage');
    expect(init).toContain('Bearer ');
    expect((await call(hub, 'GET', '/docs/json', { token: null })).status).toBe(401);
    expect((await call(hub, 'GET', `/docs/json?token=${hub.adminToken}`, { token: null })).status).toBe(401);
    expect((await call(hub, 'GET', '/docs/json')).body.openapi).toMatch(/^3\./);
    const metrics = await call(hub, 'GET', '/metrics');
    expect(metrics.text).toContain('zhkh_http_request_duration_seconds');
  });
});
