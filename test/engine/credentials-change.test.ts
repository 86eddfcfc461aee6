import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../src/engine/sync-engine.js';
import { builtinConnectors } from '../../src/platforms/builtin-connectors.js';
import { SeedIds } from '../../src/platforms/doma/sandbox/seed-objects.js';
import { type DomaSandbox, startDomaSandbox } from '../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { getOperation } from '../../src/store/operation-store.js';
import { FAST_RETRY } from '../support/engine-fixture.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const ORG = 'uk-creds';

/**
 * Doma.ai logs a service user in once and keeps the session token (seed 000 §"Авторизация"); the
 * sandbox keeps that token valid after the connection's password is changed on our side, so only
 * the hub itself can stop using it.
 */
describe.each(storeKinds)('changed credentials drop cached sessions in every process on %s', (kind) => {
  let hub: TestHub;
  let other: SyncEngine;
  let sandbox: DomaSandbox;
  let id: string;
  beforeAll(async () => {
    sandbox = await startDomaSandbox();
    hub = await startTestHub(kind, { orgs: [ORG], engine: true });
    // A second process on the same store: an engine with sessions of its own.
    other = await SyncEngine.start({
      store: hub.store,
      box: hub.engine!.ctx.box,
      connectors: builtinConnectors(),
      mode: 'inline',
    });
    const created = await call(hub, 'POST', `/v1/orgs/${ORG}/connections`, {
      json: {
        platform: 'doma',
        name: 'doma',
        settings: {
          baseUrl: sandbox.url,
          billingContextId: SeedIds.context,
          organizationId: SeedIds.context,
          sync: { retry: FAST_RETRY },
        },
        credentials: { email: sandbox.email, password: sandbox.password },
      },
    });
    expect(created.status, created.text).toBeLessThan(300);
    id = created.body.id;
  });
  afterAll(async () => {
    await other?.stop();
    await hub?.close();
    await sandbox?.close();
  });

  it('a wrong password is refused by check and by runs, in the process that changed it and in another', async () => {
    const ok = await call(hub, 'POST', `/v1/orgs/${ORG}/connections/${id}/check`);
    expect(ok.body, ok.text).toMatchObject({ ok: true });
    expect(await other.check(ORG, id)).toMatchObject({ ok: true });
    // Both processes now hold a session token of the service user.
    expect(hub.engine!.ctx.sessions.get(id)?.state.get('token')).toEqual(expect.any(String));
    expect(other.ctx.sessions.get(id)?.state.get('token')).toEqual(expect.any(String));

    const patched = await call(hub, 'PATCH', `/v1/orgs/${ORG}/connections/${id}`, {
      json: { credentials: { email: sandbox.email, password: 'not-the-password' } },
    });
    expect(patched.status, patched.text).toBe(200);

    const refused = await call(hub, 'POST', `/v1/orgs/${ORG}/connections/${id}/check`);
    expect(refused.body).toMatchObject({ ok: false, code: 'auth_rejected' });
    expect(await other.check(ORG, id)).toMatchObject({ ok: false, code: 'auth_rejected' });

    const [run] = await other.trigger(ORG, { connectionId: id, trigger: 'test', direction: 'inbound' });
    const done = await other.execute(run!.id);
    expect(done.state).toBe('failed');
    expect(done.lastError).toMatch(/connection problem.*refused/i);

    const [queued] = (await call(hub, 'POST', `/v1/orgs/${ORG}/sync`, { json: { direction: 'inbound' } }))
      .body.runs;
    let final = await getOperation(hub.store.db, queued.id);
    for (let i = 0; i < 300 && !['succeeded', 'partial', 'failed'].includes(final!.state); i++) {
      await new Promise((r) => setTimeout(r, 100));
      final = await getOperation(hub.store.db, queued.id);
    }
    expect(final).toMatchObject({ state: 'failed' });
    expect(final!.lastError).toMatch(/refused/i);

    // Put right again, the next check logs in afresh and passes.
    await call(hub, 'PATCH', `/v1/orgs/${ORG}/connections/${id}`, {
      json: { credentials: { email: sandbox.email, password: sandbox.password } },
    });
    expect(await other.check(ORG, id)).toMatchObject({ ok: true });
  }, 120_000);
});
