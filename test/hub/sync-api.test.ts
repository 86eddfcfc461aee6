import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestbed, type Testbed } from '../../src/platforms/testbed/sandbox/start-testbed.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const FINAL = ['succeeded', 'partial', 'failed', 'cancelled'];
const services = [
  { id: 'heat', name: 'Отопление', measure: 'Гкал' },
  { id: 'cold-water', name: 'Холодное водоснабжение', measure: 'м³' },
  { id: 'upkeep', name: 'Содержание жилого помещения', measure: 'м²' },
];

/** Polls a run as a client would until it is final. */
async function finished(hub: TestHub, org: string, id: number) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const r = await call(hub, 'GET', `/v1/orgs/${org}/runs/${id}`);
    expect(r.status, r.text).toBe(200);
    if (FINAL.includes(r.body.state)) return r.body;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${r.body.state}`);
    await sleep(100);
  }
}

describe.each(storeKinds)('sync API on %s', (kind) => {
  let hub: TestHub;
  let testbed: Testbed;
  let connectionId: string;

  beforeAll(async () => {
    testbed = await startTestbed();
    hub = await startTestHub(kind, { orgs: ['uk-sync', 'uk-other'], engine: true });
    const created = await call(hub, 'POST', '/v1/orgs/uk-sync/connections', {
      json: {
        platform: 'testbed',
        name: 'tb',
        settings: { baseUrl: testbed.url },
        credentials: { user: testbed.user, password: testbed.password },
      },
    });
    expect(created.status, created.text).toBe(200);
    connectionId = created.body.id;
    const upsert = await call(hub, 'POST', '/v1/orgs/uk-sync/services', { json: services });
    expect(upsert.body.created).toBe(3);
  });
  afterAll(async () => {
    await hub?.close();
    await testbed?.close();
  });

  it('delivers the records, then a re-sync sends nothing', async () => {
    const started = await call(hub, 'POST', '/v1/orgs/uk-sync/sync', { json: { connection: 'tb' } });
    expect(started.status, started.text).toBe(202);
    expect(started.body.runs).toHaveLength(1);
    expect(started.body.runs[0]).toMatchObject({ connectionId, platform: 'testbed', trigger: 'api' });
    const first = await finished(hub, 'uk-sync', started.body.runs[0].id);
    expect(first).toMatchObject({ state: 'succeeded', sent: 3, failed: 0, lastError: null });
    expect(first.progress).toEqual({ processed: 3, planned: 3 });
    expect([...testbed.items('service').keys()].sort()).toEqual(['cold-water', 'heat', 'upkeep']);

    const writes = testbed.stats.writeRequests;
    const again = await call(hub, 'POST', '/v1/orgs/uk-sync/sync', {
      json: { platform: 'testbed', kinds: ['services'], direction: 'outbound' },
    });
    expect(again.status, again.text).toBe(202);
    expect(again.body.runs[0].options).toEqual({ direction: 'outbound', kinds: ['service'] });
    const second = await finished(hub, 'uk-sync', again.body.runs[0].id);
    expect(second).toMatchObject({ state: 'succeeded', sent: 0, unchanged: 3 });
    expect(testbed.stats.writeRequests).toBe(writes);

    const list = await call(hub, 'GET', '/v1/orgs/uk-sync/runs?limit=1');
    expect(list.body.items.map((r: { id: number }) => r.id)).toEqual([second.id]);
    const older = await call(hub, 'GET', `/v1/orgs/uk-sync/runs?before=${list.body.next}&connection=tb`);
    expect(older.body.items.map((r: { id: number }) => r.id)).toContain(first.id);
    const ops = await call(hub, 'GET', `/v1/orgs/uk-sync/runs/${first.id}/operations`);
    expect(ops.status, ops.text).toBe(200);
    expect(ops.body.items.length).toBeGreaterThan(0);
    expect(ops.body.items.every((o: { parentId: number }) => o.parentId === first.id)).toBe(true);

    const metrics = await call(hub, 'GET', '/metrics');
    expect(metrics.text).toContain('zhkh_sync_records_total');
    const openapi = await call(hub, 'GET', '/openapi.json');
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orgs/{org}/sync',
        '/v1/orgs/{org}/runs/{id}/cancel',
        '/v1/orgs/{org}/record-errors',
      ]),
    );
  });

  it('resends everything or only the refused records on request', async () => {
    const all = await call(hub, 'POST', `/v1/orgs/uk-sync/connections/${connectionId}/resend-all`, {
      json: { kind: 'service' },
    });
    expect(all.status, all.text).toBe(200);
    expect(all.body.reset).toBe(3);
    const run = await finished(hub, 'uk-sync', all.body.runs[0].id);
    expect(run).toMatchObject({ state: 'succeeded', sent: 3, trigger: 'resend-all' });
    const failed = await call(hub, 'POST', '/v1/orgs/uk-sync/connections/tb/retry-failed', { json: {} });
    expect(failed.status, failed.text).toBe(200);
    expect(failed.body.reset).toBe(0);
    expect(failed.body.requeued).toEqual({});
    await finished(hub, 'uk-sync', failed.body.runs[0].id);
    const errors = await call(hub, 'GET', '/v1/orgs/uk-sync/record-errors?state=open&connection=tb');
    expect(errors.body).toEqual({ items: [], next: null });
    const ids = await call(hub, 'GET', `/v1/orgs/uk-sync/connections/${connectionId}/ids?entity=service`);
    expect(ids.status, ids.text).toBe(200);
    const badKind = await call(hub, 'POST', '/v1/orgs/uk-sync/connections/tb/resend-all', {
      json: { kind: 'spaceships' },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error).toBe('unknown_kind');
  });

  it('checks a connection, and names refused credentials', async () => {
    const ok = await call(hub, 'POST', `/v1/orgs/uk-sync/connections/${connectionId}/check`);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, platform: 'testbed' });
    expect(ok.body.operationId).toBeGreaterThan(0);

    const bad = await call(hub, 'POST', '/v1/orgs/uk-sync/connections', {
      json: {
        platform: 'testbed',
        name: 'tb-wrong-password',
        settings: { baseUrl: testbed.url },
        credentials: { user: testbed.user, password: 'not-the-password' },
        enabled: false,
      },
    });
    expect(bad.status, bad.text).toBe(200);
    const refused = await call(hub, 'POST', '/v1/orgs/uk-sync/connections/tb-wrong-password/check');
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, platform: 'testbed', code: 'auth_rejected' });
    expect(refused.text).not.toContain('not-the-password');

    const unknown = await call(hub, 'POST', '/v1/orgs/uk-sync/connections/ghost/check');
    expect(unknown.status).toBe(404);
  });

  it('answers 409 to cancelling a finished run and 404 to an unknown one', async () => {
    const started = await call(hub, 'POST', '/v1/orgs/uk-sync/sync', { json: { connection: connectionId } });
    const run = await finished(hub, 'uk-sync', started.body.runs[0].id);
    const late = await call(hub, 'POST', `/v1/orgs/uk-sync/runs/${run.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: 'run_finished', state: run.state });
    const none = await call(hub, 'POST', '/v1/orgs/uk-sync/runs/999999/cancel');
    expect(none.status).toBe(404);
    const elsewhere = await call(hub, 'POST', `/v1/orgs/uk-other/runs/${run.id}/cancel`);
    expect(elsewhere.status).toBe(404);
  });

  it('says what it could not match', async () => {
    const ghost = await call(hub, 'POST', '/v1/orgs/uk-sync/sync', { json: { connection: 'ghost' } });
    expect(ghost.status).toBe(404);
    expect(ghost.body.error).toBe('no_connection');
    expect(ghost.body.message).toContain('"ghost"');
    const none = await call(hub, 'POST', '/v1/orgs/uk-other/sync');
    expect(none.status, none.text).toBe(404);
    const kinds = await call(hub, 'POST', '/v1/orgs/uk-sync/sync', { json: { kinds: ['unicorns'] } });
    expect(kinds.status).toBe(400);
    expect(kinds.body.message).toContain('unicorns');
  });

  it('refuses settings and credentials the platform would refuse, naming the field', async () => {
    const post = (json: unknown) => call(hub, 'POST', '/v1/orgs/uk-sync/connections', { json });
    const url = await post({ platform: 'testbed', name: 'x1', settings: { baseUrl: 'not a url' } });
    expect(url.status).toBe(400);
    expect(url.body.error).toBe('invalid_settings');
    expect(url.body.message).toContain('settings.baseUrl');
    const cron = await post({
      platform: 'testbed',
      name: 'x2',
      settings: { baseUrl: testbed.url, sync: { schedule: 'hourly' } },
    });
    expect(cron.status).toBe(400);
    expect(cron.body.issues[0].path).toBe('settings.sync.schedule');
    const creds = await post({
      platform: 'testbed',
      name: 'x3',
      settings: { baseUrl: testbed.url },
      credentials: { user: 'svc', password: 987654321, token: 'abc-secret' },
    });
    expect(creds.status).toBe(400);
    expect(creds.body.error).toBe('invalid_credentials');
    expect(creds.body.message).toContain('credentials.password');
    expect(creds.body.message).toContain('token');
    expect(creds.text).not.toContain('987654321');
    expect(creds.text).not.toContain('abc-secret');
    const platform = await post({ platform: 'vk', name: 'x4' });
    expect(platform.status).toBe(400);
    expect(platform.body.error).toBe('unknown_platform');
    expect(platform.body.message).toContain('testbed');
    const patch = await call(hub, 'PATCH', `/v1/orgs/uk-sync/connections/${connectionId}`, {
      json: { settings: { baseUrl: testbed.url, batchSize: 0 } },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.message).toContain('settings.batchSize');
    const list = await call(hub, 'GET', '/v1/orgs/uk-sync/connections');
    expect(list.body.map((c: { name: string }) => c.name).sort()).toEqual(['tb', 'tb-wrong-password']);
  });

  it("keeps an organization's runs from another organization's token", async () => {
    const token = await hub.tokenFor('uk-other');
    const runs = await call(hub, 'GET', '/v1/orgs/uk-sync/runs', { token });
    expect(runs.status).toBe(403);
    const sync = await call(hub, 'POST', '/v1/orgs/uk-sync/sync', { token, json: {} });
    expect(sync.status).toBe(403);
    const errors = await call(hub, 'GET', '/v1/orgs/uk-sync/record-errors', { token });
    expect(errors.status).toBe(403);
    const own = await call(hub, 'GET', '/v1/orgs/uk-other/runs', { token });
    expect(own.body).toEqual({ items: [], next: null });
  });
});

describe.each(storeKinds)('sync API without an engine on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-idle'] });
  });
  afterAll(async () => hub?.close());

  it('answers 503 to what needs the engine and still serves the run history', async () => {
    const sync = await call(hub, 'POST', '/v1/orgs/uk-idle/sync', { json: {} });
    expect(sync.status).toBe(503);
    expect(sync.body.error).toBe('engine_unavailable');
    const runs = await call(hub, 'GET', '/v1/orgs/uk-idle/runs');
    expect(runs.status).toBe(200);
  });
});
