import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorRegistry } from '../../../src/engine/connector/connector-registry.js';
import { createRun } from '../../../src/engine/run/create-run.js';
import { SyncEngine } from '../../../src/engine/sync-engine.js';
import { webhookConnector } from '../../../src/platforms/webhook/client/webhook-connector.js';
import {
  createWebhook,
  editWebhook,
  replayWebhook,
  viewOf,
} from '../../../src/platforms/webhook/client/webhook-endpoints.js';
import { signWebhook, verifyWebhook } from '../../../src/platforms/webhook/contract/webhook-signature.js';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../src/platforms/webhook/sandbox/start-webhook-receiver.js';
import { getConnection, readCredentials } from '../../../src/store/connection-store.js';
import { appendInbox } from '../../../src/store/inbox-store.js';
import type { Store } from '../../../src/store/open-store.js';
import { listOperations, updateOperation } from '../../../src/store/operation-store.js';
import { upsertOrg } from '../../../src/store/org-store.js';
import { queryRows } from '../../../src/store/query-rows.js';
import { openRecordErrors } from '../../../src/store/record-error-store.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { orgFixture, TEST_SECRET } from '../../support/test-hub.js';
import { openTestStore, storeKinds } from '../../support/test-stores.js';

const ORG = 'uk-hooks';
const FAST = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 };

const readings = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    connectionId: 'c-doma',
    platform: 'doma',
    kind: i % 5 === 4 ? 'payment' : 'reading',
    sourceId: `src-${from + i}`,
    payload: { sourceId: `src-${from + i}`, value1: String(from + i) },
  }));

describe.each(storeKinds)('billing webhooks on %s', (kind) => {
  let store: Store | undefined;
  let engine: SyncEngine | undefined;
  let receiver: WebhookReceiver | undefined;
  const box = SecretBox.fromString(TEST_SECRET);
  afterEach(async () => {
    await engine?.stop();
    await receiver?.close();
    await store?.close();
    store = engine = receiver = undefined;
  });

  async function setUp(opts: { batchSize?: number; receiverSecret?: string } = {}) {
    store = await openTestStore(kind);
    await upsertOrg(store.db, orgFixture(ORG) as never);
    engine = await SyncEngine.start({
      store,
      box,
      connectors: new ConnectorRegistry([webhookConnector]),
      mode: 'inline',
    });
    // The receiver learns the secret only after the endpoint made it; it starts on a placeholder.
    receiver = await startWebhookReceiver({ secret: opts.receiverSecret ?? 'placeholder-secret-0000' });
    const hook = await createWebhook(store.db, box, ORG, {
      name: 'billing',
      url: `${receiver.url}/hooks`,
      events: ['inbox.reading', 'inbox.payment', 'run.failed', 'record_error.created'],
      batchSize: opts.batchSize ?? 7,
      retry: FAST,
    });
    if (!opts.receiverSecret) {
      await receiver.close();
      receiver = await startWebhookReceiver({ secret: hook.secret! });
      await editWebhook(store.db, box, ORG, hook.id, { url: `${receiver.url}/hooks` });
    }
    return hook;
  }

  async function deliver(id: string) {
    const run = await createRun(store!.db, {
      orgId: ORG,
      connectionId: id,
      platform: 'webhook',
      trigger: 'test',
      options: { direction: 'outbound' },
    });
    return engine!.execute(run);
  }

  it('delivers every subscribed event in order, batched and signed, and empties the queue', async () => {
    const hook = await setUp();
    await appendInbox(store!.db, ORG, readings(0, 40));
    // A ticket is not subscribed to: kept as an event, never queued for this endpoint.
    await appendInbox(store!.db, ORG, [
      {
        connectionId: 'c-doma',
        platform: 'doma',
        kind: 'ticket',
        sourceId: 't1',
        payload: { sourceId: 't1' },
      },
    ]);
    expect((await viewOf(store!.db, (await getConnection(store!.db, box, ORG, hook.id))!)).queued).toBe(40);

    const run = await deliver(hook.id);
    expect(run.state).toBe('succeeded');
    expect(run.sent).toBe(40);
    const got = receiver!.events;
    expect(got.map((e) => e.data.sourceId)).toEqual(readings(0, 40).map((r) => r.sourceId));
    expect(got.map((e) => e.type)).toEqual(readings(0, 40).map((r) => `inbox.${r.kind}`));
    const ids = got.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(40);
    expect(receiver!.arrivals.map((a) => a.count)).toEqual([7, 7, 7, 7, 7, 5]);
    expect(receiver!.badSignatures).toBe(0);
    const batches = await listOperations(store!.db, { orgId: ORG, type: 'batch', limit: 100 });
    expect(batches.filter((b) => b.parentId === run.id && b.state === 'succeeded')).toHaveLength(6);

    // Nothing queued any more: the next run sends nothing.
    const again = await deliver(hook.id);
    expect(again.sent).toBe(0);
    expect(receiver!.events).toHaveLength(40);

    // A billing refusing a request as too large (413) gets the rest in halves, still in order.
    await appendInbox(store!.db, ORG, readings(40, 10));
    receiver!.fail(1, 413);
    const split = await deliver(hook.id);
    expect(split.state).toBe('succeeded');
    expect(receiver!.arrivals.slice(6).map((a) => a.count)).toEqual([4, 4, 2]);
    expect(receiver!.events.map((e) => e.data.sourceId)).toEqual(readings(0, 50).map((r) => r.sourceId));

    // The secret is sealed at rest: the stored column is not the secret.
    const [row] = await queryRows<{ credentials: string }>(
      store!.db,
      sql`SELECT credentials FROM connections WHERE id = ${hook.id}`,
    );
    expect(row!.credentials).not.toContain(hook.secret!);
    expect((await readCredentials(store!.db, box, hook.id))?.secret).toBe(hook.secret);
  });

  it('keeps events queued while the billing fails, and delivers them all, in order, once it answers', async () => {
    const hook = await setUp({ batchSize: 10 });
    await appendInbox(store!.db, ORG, readings(0, 25));
    receiver!.fail(1000, 503);
    const failed = await deliver(hook.id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/stay queued/);
    expect(receiver!.requests).toBe(FAST.maxAttempts); // retried under the policy, then given up
    const stuck = await viewOf(store!.db, (await getConnection(store!.db, box, ORG, hook.id))!);
    expect(stuck.queued).toBe(25);
    expect(stuck.lastRun?.state).toBe('failed');

    // Fails twice more, then recovers within the policy's attempts: one retried batch.
    receiver!.fail(2, 500);
    await appendInbox(store!.db, ORG, readings(25, 5));
    const ok = await deliver(hook.id);
    expect(ok.state).toBe('succeeded');
    expect(receiver!.events.map((e) => e.data.sourceId)).toEqual(readings(0, 30).map((r) => r.sourceId));
  });

  it('is refused by a billing holding another secret, and nothing leaves the queue', async () => {
    const hook = await setUp({ receiverSecret: 'whsec_not-the-endpoint-secret' });
    await appendInbox(store!.db, ORG, readings(0, 3));
    const run = await deliver(hook.id);
    expect(run.state).toBe('failed');
    expect(receiver!.badSignatures).toBeGreaterThan(0);
    expect(receiver!.events).toHaveLength(0);
    expect((await viewOf(store!.db, (await getConnection(store!.db, box, ORG, hook.id))!)).queued).toBe(3);
  });

  it('queues run and record-error events, not for a disabled endpoint, and replays from a cursor', async () => {
    const hook = await setUp();
    const runId = await createRun(store!.db, {
      orgId: ORG,
      connectionId: 'c-doma',
      platform: 'doma',
      trigger: 'test',
    });
    await updateOperation(store!.db, runId, { state: 'failed', lastError: 'platform_unreachable' });
    await openRecordErrors(store!.db, ORG, 'c-doma', 'receipt', runId, [
      { key: 'r1', code: 'bad_receipt', message: 'amount: negative' },
    ]);
    await deliver(hook.id);
    expect(receiver!.events.map((e) => e.type)).toEqual(['run.failed', 'record_error.created']);
    expect(receiver!.events[0]!.data).toMatchObject({ runId, state: 'failed', platform: 'doma' });
    expect(receiver!.events[1]!.data).toMatchObject({ key: 'r1', code: 'bad_receipt' });

    await editWebhook(store!.db, box, ORG, hook.id, { enabled: false });
    await appendInbox(store!.db, ORG, readings(0, 4));
    const info = (await getConnection(store!.db, box, ORG, hook.id))!;
    expect((await viewOf(store!.db, info)).queued).toBe(0);

    // Replay from the first event: everything subscribed comes again, in order, same ids.
    await editWebhook(store!.db, box, ORG, hook.id, { enabled: true });
    const first = receiver!.events[0]!.id;
    expect(await replayWebhook(store!.db, (await getConnection(store!.db, box, ORG, hook.id))!, first)).toBe(
      6,
    );
    await deliver(hook.id);
    const again = receiver!.events.slice(2);
    expect(again.map((e) => e.type)).toEqual([
      'run.failed',
      'record_error.created',
      ...readings(0, 4).map((r) => `inbox.${r.kind}`),
    ]);
    expect(again[0]!.id).toBe(first);
  });
});

describe('webhook signatures', () => {
  const body = '{"events":[{"id":1}]}';
  const now = 1_800_000_000;
  const headers = (secret: string, ts = now) => ({
    timestamp: String(ts),
    signature: signWebhook(secret, ts, body),
  });
  it('verify with the right secret only, over the exact body, within the tolerance', () => {
    expect(verifyWebhook('whsec_right', headers('whsec_right'), body, { now })).toBeUndefined();
    expect(verifyWebhook('whsec_wrong', headers('whsec_right'), body, { now })).toBe('signature mismatch');
    expect(verifyWebhook('whsec_right', headers('whsec_right'), `${body} `, { now })).toBe(
      'signature mismatch',
    );
    expect(verifyWebhook('whsec_right', headers('whsec_right', now - 301), body, { now })).toMatch(
      /timestamp/,
    );
    expect(verifyWebhook('whsec_right', { timestamp: undefined, signature: 'v1=00' }, body, { now })).toBe(
      'no timestamp',
    );
  });
});
