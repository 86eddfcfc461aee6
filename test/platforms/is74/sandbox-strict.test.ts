import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Is74Sandbox,
  startIs74Sandbox,
} from '../../../src/platforms/is74/sandbox/start-is74-sandbox.js';

/** A billing's Data Provider that breaks the contract: float money, an unknown state, missing fields. */
const BROKEN: Record<string, unknown> = {
  '/api/users': [
    { ext_user_id: 'u1', login: 'l1', password: 'p', is_blocked: false, full_name: 'X', phones: [] },
  ],
  '/api/contracts': [
    { ext_id: 'k1', account: 'a1', contract: 'n1', state: 7, balance: 123.45, options: [], tariffs: [] },
  ],
  '/api/tariffs': [{ id: 't1', name: 'T', services: [], cost: 10.5 }],
  '/api/services': [{ id: 's1' }],
  '/api/charges': [{ account: 'a1', cost: 100, period: '2024-01', description: 'x' }],
};

describe('is74 core sandbox against a provider that breaks the contract', () => {
  let provider: Server;
  let sandbox: Is74Sandbox;
  beforeAll(async () => {
    provider = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      if (path === '/api/auth') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const ok = JSON.parse(body).pswd === 'right';
          res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
          res.end(ok ? JSON.stringify({ ext_user_id: 'u1' }) : '');
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(BROKEN[path] ?? []));
    });
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
    const { port } = provider.address() as AddressInfo;
    sandbox = await startIs74Sandbox({ providerUrl: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await sandbox?.close();
    provider.closeAllConnections();
    await new Promise((r) => provider.close(r));
  });

  const login = (pswd: string) =>
    fetch(`${sandbox.url}/_sandbox/login`, { method: 'POST', body: JSON.stringify({ login: 'l1', pswd }) });

  it('answers 401 for a wrong password without recording anything', async () => {
    expect((await login('wrong')).status).toBe(401);
    expect(sandbox.state.violations).toEqual([]);
  });

  it('refuses the sign-in and reports every broken answer on /_sandbox/', async () => {
    const res = await login('right');
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toBe('provider_broke_contract');
    const state = (await (await fetch(`${sandbox.url}/_sandbox/`)).json()) as {
      violations: Array<{ call: string; issues: string[] }>;
    };
    const issues = Object.fromEntries(
      (state.violations as Array<{ call: string; issues: string[] }>).map((v) => [
        v.call,
        v.issues.join(' | '),
      ]),
    );
    expect(Object.keys(issues).sort()).toEqual([
      'GET /api/charges',
      'GET /api/contracts',
      'GET /api/services',
      'GET /api/tariffs',
    ]);
    expect(issues['GET /api/contracts']).toMatch(/0\.state/);
    expect(issues['GET /api/contracts']).toMatch(/0\.balance/);
    expect(issues['GET /api/tariffs']).toMatch(/0\.cost/);
    expect(issues['GET /api/services']).toMatch(/0\.name/);
    expect(issues['GET /api/charges']).toMatch(/MM-YY/);
    expect(sandbox.state.users.size).toBe(0);
  });

  it('checks the Basic auth of callbacks and reports a malformed one', async () => {
    const post = (auth: string, body: unknown) =>
      fetch(`${sandbox.url}/api/v1/mb/callback/contract`, {
        method: 'POST',
        headers: { authorization: auth },
        body: JSON.stringify(body),
      });
    const good = `Basic ${Buffer.from('core:core-callback-secret').toString('base64')}`;
    expect(
      (await post(`Basic ${Buffer.from('core:wrong').toString('base64')}`, { ext_id: 'k1' })).status,
    ).toBe(401);
    expect((await post(good, { ext_id: 'k1' })).status).toBe(200);
    expect((await post(good, { ext_id: 'k1', user_ext_id: 'u1' })).status).toBe(400);
    expect(sandbox.state.violations.at(-1)?.call).toBe('POST /api/v1/mb/callback/contract');
  });

  it('configures rules over /_sandbox/ admin routes', async () => {
    const put = (path: string, body: unknown) =>
      fetch(`${sandbox.url}/_sandbox/${path}`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put('tariffs/t1', { threshold: -10000 })).status).toBe(200);
    expect((await put('services/s1', { permissions: ['open_from_app'] })).status).toBe(200);
    expect((await put('services/s1', { permissions: ['fly'] })).status).toBe(400);
    expect(
      (await put('org', { appBlocking: false, handsetBlocking: true, handsetTariffIds: ['t1'] })).status,
    ).toBe(200);
    expect(sandbox.state.org).toEqual({
      appBlocking: false,
      handsetBlocking: true,
      handsetTariffIds: ['t1'],
    });
    expect(sandbox.state.thresholds.get('t1')).toBe(-10000);
    const perms = await (await fetch(`${sandbox.url}/_sandbox/users/u1/permissions`)).json();
    expect(perms).toMatchObject({ ext_user_id: 'u1', reason: 'not_signed_in', permissions: [] });
  });
});
