import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../src/platforms/webhook/sandbox/start-webhook-receiver.js';
import { appendInbox } from '../../../src/store/inbox-store.js';
import { call, startTestHub, type TestHub } from '../../support/test-hub.js';
import { storeKinds } from '../../support/test-stores.js';

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

describe.each(storeKinds)('webhooks API on %s', (kind) => {
  let hub: TestHub | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await hub?.close();
    await receiver?.close();
    hub = receiver = undefined;
  });

  it('manages endpoints per organization and pushes inbox events to the billing on its own', async () => {
    hub = await startTestHub(kind, { orgs: ['uk-a', 'uk-b'], engine: true });
    const tokenA = await hub.tokenFor('uk-a');
    const tokenB = await hub.tokenFor('uk-b');
    expect((await call(hub, 'GET', '/v1/orgs/uk-a/webhooks', { token: null })).status).toBe(401);

    const bad = await call(hub, 'POST', '/v1/orgs/uk-a/webhooks', {
      token: tokenA,
      json: { url: 'http://127.0.0.1:1/x', events: ['inbox.nonsense'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/events/);

    // The secret is made by the hub and answered once; the receiver is the billing holding it.
    const created = await call(hub, 'POST', '/v1/orgs/uk-a/webhooks', {
      token: tokenA,
      json: { name: 'billing', url: 'http://127.0.0.1:1/later', events: ['inbox.reading'], batchSize: 50 },
    });
    expect(created.status).toBe(200);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    receiver = await startWebhookReceiver({ secret });
    const patched = await call(hub, 'PATCH', '/v1/orgs/uk-a/webhooks/billing', {
      token: tokenA,
      json: { url: `${receiver.url}/zhkh` },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.url).toBe(`${receiver.url}/zhkh`);
    expect(patched.body.secret).toBeUndefined();

    const listed = await call(hub, 'GET', '/v1/orgs/uk-a/webhooks', { token: tokenA });
    expect(listed.body.map((w: { name: string }) => w.name)).toEqual(['billing']);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect((await call(hub, 'GET', '/v1/orgs/uk-a/webhooks', { token: tokenB })).status).toBe(403);
    expect((await call(hub, 'GET', '/v1/orgs/uk-b/webhooks', { token: tokenB })).body).toEqual([]);
    expect((await call(hub, 'GET', `/v1/orgs/uk-b/webhooks/${created.body.id}`)).status).toBe(404);

    // A second endpoint whose billing is down: its events stay queued and it shows as failing.
    const down = await call(hub, 'POST', '/v1/orgs/uk-a/webhooks', {
      token: tokenA,
      json: {
        name: 'down',
        url: 'http://127.0.0.1:1/nobody',
        events: ['inbox.reading'],
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      },
    });
    expect(down.status).toBe(200);

    // Residents act: the inbox takes readings, the hub's workers push them without being asked.
    await appendInbox(
      hub.store.db,
      'uk-a',
      Array.from({ length: 120 }, (_, i) => ({
        connectionId: 'c1',
        platform: 'doma',
        kind: 'reading',
        sourceId: `r${i}`,
        payload: { sourceId: `r${i}` },
      })),
    );
    await until('120 events at the billing', () => receiver!.events.length >= 120);
    expect(receiver.events.map((e) => e.data.sourceId)).toEqual(
      Array.from({ length: 120 }, (_, i) => `r${i}`),
    );
    expect(receiver.arrivals.every((a) => a.count <= 50)).toBe(true);
    expect(receiver.badSignatures).toBe(0);
    await until('an empty queue', async () => {
      const one = await call(hub!, 'GET', '/v1/orgs/uk-a/webhooks/billing', { token: tokenA });
      return one.body.queued === 0 && one.body.lastRun?.state === 'succeeded';
    });

    await until('the failing endpoint to show', async () => {
      const one = await call(hub!, 'GET', '/v1/orgs/uk-a/webhooks/down', { token: tokenA });
      return one.body.lastRun?.state === 'failed';
    });
    const failing = (await call(hub, 'GET', '/v1/orgs/uk-a/webhooks/down', { token: tokenA })).body;
    expect(failing.queued).toBe(120);
    expect(failing.lastRun.lastError).toMatch(/stay queued/);
    const metrics = await call(hub, 'GET', '/metrics');
    expect(metrics.text).toMatch(
      /zhkh_webhook_queued_events\{org="uk-a",connection="down",platform="webhook"\} 120/,
    );
    expect(metrics.text).toMatch(
      /zhkh_webhook_queued_events\{org="uk-a",connection="billing",platform="webhook"\} 0/,
    );
    expect((await call(hub, 'DELETE', '/v1/orgs/uk-a/webhooks/down', { token: tokenA })).status).toBe(200);

    const replay = await call(hub, 'POST', '/v1/orgs/uk-a/webhooks/billing/replay', {
      token: tokenA,
      json: { from: receiver.events[100]!.id },
    });
    expect(replay.body.queued).toBe(20);
    await until('the replayed events', () => receiver!.events.length >= 140);
    expect(receiver.events.slice(120).map((e) => e.id)).toEqual(
      receiver.events.slice(100, 120).map((e) => e.id),
    );

    const rotated = await call(hub, 'PATCH', '/v1/orgs/uk-a/webhooks/billing', {
      token: tokenA,
      json: { rotateSecret: true, enabled: false },
    });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.enabled).toBe(false);

    const doc = await call(hub, 'GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/v1/orgs/{org}/webhooks/{id}/replay');

    expect((await call(hub, 'DELETE', '/v1/orgs/uk-a/webhooks/billing', { token: tokenA })).status).toBe(200);
    expect((await call(hub, 'GET', '/v1/orgs/uk-a/webhooks', { token: tokenA })).body).toEqual([]);
  });
});
