import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedIds } from '../../src/platforms/doma/sandbox/seed-objects.js';
import { type DomaSandbox, startDomaSandbox } from '../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { createConnection } from '../../src/store/connection-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { type DomaFixture, putFlats, putRecords, receiptInput } from '../platforms/doma/e2e/doma-fixture.js';
import { FAST_RETRY } from '../support/engine-fixture.js';
import { call, startTestHub, TEST_SECRET, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const ORG = 'uk-reconcile';
const PATH = `/v1/orgs/${ORG}/connections/doma-main/reconciliation`;

describe.each(storeKinds)('reconciliation API (%s)', (kind) => {
  let hub: TestHub;
  let sandbox: DomaSandbox;

  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: [ORG], engine: true });
    sandbox = await startDomaSandbox();
    await createConnection(hub.store.db, SecretBox.fromString(TEST_SECRET), ORG, {
      platform: 'doma',
      name: 'doma-main',
      credentials: { email: sandbox.email, password: sandbox.password },
      settings: {
        baseUrl: sandbox.url,
        billingContextId: SeedIds.context,
        organizationId: SeedIds.context,
        sync: { retry: FAST_RETRY },
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  /** Waits for the hub's worker to finish a run. */
  async function finished(id: number) {
    for (;;) {
      const run = (await call(hub, 'GET', `/v1/orgs/${ORG}/runs/${id}`)).body;
      if (!['queued', 'running'].includes(run.state)) return run;
      await sleep(100);
    }
  }

  it('reports by connection name behind the token, and the fix route repairs a receipt deleted on the platform', async () => {
    const f = { store: hub.store, org: ORG } as DomaFixture;
    const accounts = await putFlats(f, 2);
    await putRecords(
      f,
      'receipt',
      accounts.map((a) => receiptInput(a)),
    );
    const sync = await call(hub, 'POST', `/v1/orgs/${ORG}/sync`, {
      json: { connection: 'doma-main', kinds: ['receipt'], direction: 'outbound' },
    });
    expect(sync.status, sync.text).toBe(202);
    expect((await finished(sync.body.runs[0].id)).state).toBe('succeeded');

    expect((await call(hub, 'GET', PATH, { token: null })).status).toBe(401);
    const other = await hub.tokenFor(ORG);
    expect((await call(hub, 'GET', PATH, { token: other })).status).toBe(200);
    expect((await call(hub, 'GET', `/v1/orgs/${ORG}/connections/nope/reconciliation`)).status).toBe(404);

    const gone = `${accounts[1]}/2024-01/housing`;
    const deleted = await fetch(`${sandbox.url}/_sandbox/receipts/delete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ importId: gone }),
    });
    expect(deleted.status).toBe(200);

    const report = await call(hub, 'GET', PATH);
    expect(report.status, report.text).toBe(200);
    expect(report.body.clean).toBe(false);
    expect(report.body.remote.find((r: { kind: string }) => r.kind === 'receipt').differences).toEqual([
      { problem: 'missing', key: gone, platformId: null, label: null, ours: 30330, platform: null },
    ]);

    const fix = await call(hub, 'POST', `${PATH}/fix`);
    expect(fix.status, fix.text).toBe(200);
    expect(fix.body.resent).toEqual({ receipt: 1 });
    expect((await finished(fix.body.runs[0].id)).sent).toBe(1);
    const after = await call(hub, 'GET', PATH);
    expect(after.body.clean).toBe(true);

    const spec = await call(hub, 'GET', '/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orgs/{org}/connections/{id}/reconciliation',
        '/v1/orgs/{org}/connections/{id}/reconciliation/fix',
      ]),
    );
  });
});
