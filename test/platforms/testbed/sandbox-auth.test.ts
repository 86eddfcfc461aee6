import { afterEach, describe, expect, it } from 'vitest';
import { startTestbed, type Testbed } from '../../../src/platforms/testbed/sandbox/start-testbed.js';
import { api, login } from './testbed-helpers.js';

describe('testbed sandbox: login and tokens', () => {
  let bed: Testbed | undefined;
  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('logs in with the configured user and serves /api/me with the token', async () => {
    bed = await startTestbed({ user: 'uk-7', password: 'pw-7' });
    const ok = await api(bed, 'POST', '/api/login', { json: { user: 'uk-7', password: 'pw-7' } });
    expect(ok.status).toBe(200);
    expect(ok.body.expiresInSeconds).toBe(86_400);
    const me = await api(bed, 'GET', '/api/me', { token: ok.body.token });
    expect(me).toMatchObject({ status: 200, body: { name: 'testbed:uk-7' } });
    expect(bed.stats.logins).toBe(1);
  });

  it('answers bad_credentials to a wrong password and token_expired without a valid token', async () => {
    bed = await startTestbed();
    const wrong = await api(bed, 'POST', '/api/login', { json: { user: 'bridge', password: 'nope' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'bad_credentials' } });
    expect(bed.stats.logins).toBe(0);
    expect(await api(bed, 'GET', '/api/me')).toMatchObject({ status: 401, body: { error: 'token_expired' } });
    const forged = await api(bed, 'POST', '/api/items/house', { token: 'forged', json: { items: [] } });
    expect(forged).toMatchObject({ status: 401, body: { error: 'token_expired' } });
    expect(bed.stats.writeRequests).toBe(0);
    expect((await api(bed, 'POST', '/api/login', { body: '{oops' })).status).toBe(400);
  });

  it('expires tokens after tokenTtlMs', async () => {
    bed = await startTestbed({ tokenTtlMs: 150 });
    const answer = await api(bed, 'POST', '/api/login', { json: { user: bed.user, password: bed.password } });
    expect(answer.body.expiresInSeconds).toBe(1);
    expect((await api(bed, 'GET', '/api/me', { token: answer.body.token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const late = await api(bed, 'GET', '/api/me', { token: answer.body.token });
    expect(late).toMatchObject({ status: 401, body: { error: 'token_expired' } });
    expect((await api(bed, 'GET', '/api/me', { token: await login(bed) })).status).toBe(200);
  });

  it('adds latencyMs to every API call and drops it when set back to 0', async () => {
    bed = await startTestbed({ latencyMs: 120 });
    let started = performance.now();
    const token = await login(bed);
    await api(bed, 'GET', '/api/me', { token });
    expect(performance.now() - started).toBeGreaterThanOrEqual(230);
    bed.setFaults({ latencyMs: 0 });
    started = performance.now();
    await api(bed, 'GET', '/api/me', { token });
    expect(performance.now() - started).toBeLessThan(110);
    expect(() => bed?.setFaults({ errorRate: 2 })).toThrow();
  });
});
