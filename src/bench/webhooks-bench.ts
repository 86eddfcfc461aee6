import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { createRun } from '../engine/run/create-run.js';
import { SyncEngine } from '../engine/sync-engine.js';
import { webhookConnector } from '../platforms/webhook/client/webhook-connector.js';
import { createWebhook, editWebhook } from '../platforms/webhook/client/webhook-endpoints.js';
import { webhookHeaders } from '../platforms/webhook/contract/webhook-headers.js';
import { signWebhook } from '../platforms/webhook/contract/webhook-signature.js';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../platforms/webhook/sandbox/start-webhook-receiver.js';
import { appendInbox } from '../store/inbox-store.js';
import { openScratchStore } from '../store/open-scratch-store.js';
import type { Db, Store } from '../store/open-store.js';
import { upsertOrg } from '../store/org-store.js';
import { queryRows } from '../store/query-rows.js';
import { SecretBox } from '../store/secret-box.js';
import { benchLine } from './bench-line.js';

const ORG = 'bench-hooks';

export interface WebhooksBenchOptions {
  events: number;
  batch: number;
  /** Inbox commits made one by one for the lag figure. */
  lagSamples: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

/**
 * Billing webhooks, per store: (1) throughput — `events` inbox readings queued for one endpoint,
 * delivered by one engine run (take, sign, POST, remove, operations) to a loopback receiver that
 * verifies every signature, beside a bare loop POSTing the very same signed bodies to the same
 * receiver; (2) lag — inbox entries committed one at a time while a worker runs as `serve` does
 * (outbox pump, job queue), measured from the commit to the receiver's 2xx, beside a bare POST.
 */
export async function runWebhooksBench(opts: WebhooksBenchOptions): Promise<void> {
  const drivers: Array<'pglite' | 'postgres'> = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  for (const driver of drivers) {
    const store =
      driver === 'pglite'
        ? await openScratchStore({ driver: 'pglite' })
        : await openScratchStore({ driver: 'postgres', serverUrl: opts.databaseUrl! });
    try {
      await throughput(store, driver, opts);
    } finally {
      await store.close();
    }
    const lagStore =
      driver === 'pglite'
        ? await openScratchStore({ driver: 'pglite' })
        : await openScratchStore({ driver: 'postgres', serverUrl: opts.databaseUrl! });
    try {
      await lag(lagStore, driver, opts);
    } finally {
      await lagStore.close();
    }
  }
}

const box = SecretBox.fromString('bench-secret-key-for-webhooks-0000000');

/** An org, an endpoint subscribed to readings, and a receiver holding its secret. */
async function endpoint(
  db: Db,
  batch: number,
): Promise<{ id: string; secret: string; receiver: WebhookReceiver }> {
  await upsertOrg(db, { id: ORG, name: 'УК Бенч', inn: '7707083893', kpp: '770701001' } as never);
  const hook = await createWebhook(db, box, ORG, {
    name: 'billing',
    url: 'http://127.0.0.1:1/later',
    events: ['inbox.reading'],
    batchSize: batch,
  });
  const receiver = await startWebhookReceiver({ secret: hook.secret! });
  await editWebhook(db, box, ORG, hook.id, { url: `${receiver.url}/hook` });
  return { id: hook.id, secret: hook.secret!, receiver };
}

const reading = (i: number) => ({
  connectionId: 'c-doma',
  platform: 'doma',
  kind: 'reading',
  sourceId: `r${i}`,
  payload: {
    sourceId: `r${i}`,
    accountNumber: `10${String(i % 100000).padStart(6, '0')}`,
    meterNumber: `M${i}`,
    value1: `${i % 9000}.125`,
  },
});

async function throughput(store: Store, driver: string, opts: WebhooksBenchOptions): Promise<void> {
  const db = store.db;
  const hook = await endpoint(db, opts.batch);
  try {
    for (let from = 0; from < opts.events; from += 5000)
      await appendInbox(
        db,
        ORG,
        Array.from({ length: Math.min(5000, opts.events - from) }, (_, i) => reading(from + i)),
      );
    // The same bodies the engine sends, built the same way, for the bare loop.
    const rows = await queryRows<{ body: string }>(
      db,
      sql`SELECT json_build_object('id', e.id, 'type', e.type, 'orgId', e.org_id, 'createdAt', e.created_at,
            'data', e.payload)::text AS body
          FROM webhook_queue q JOIN webhook_events e ON e.id = q.event_id
          WHERE q.connection_id = ${hook.id} ORDER BY q.event_id`,
    );
    const bodies: string[] = [];
    for (let i = 0; i < rows.length; i += opts.batch)
      bodies.push(
        `{"events":[${rows
          .slice(i, i + opts.batch)
          .map((r) => r.body)
          .join(',')}]}`,
      );
    opts.log(`webhooks on ${driver}: ${rows.length} events in ${bodies.length} requests of ${opts.batch}`);

    const rawStart = performance.now();
    for (const body of bodies) {
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`${hook.receiver.url}/hook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [webhookHeaders.timestamp]: String(ts),
          [webhookHeaders.signature]: signWebhook(hook.secret, ts, body),
        },
        body,
      });
      await res.text();
      if (!res.ok) throw new Error(`the receiver answered ${res.status} to the bare loop`);
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;
    hook.receiver.events.length = 0;

    const engine = await SyncEngine.start({
      store,
      box,
      connectors: new ConnectorRegistry([webhookConnector]),
      mode: 'inline',
    });
    try {
      const runId = await createRun(db, {
        orgId: ORG,
        connectionId: hook.id,
        platform: 'webhook',
        trigger: 'bench',
      });
      const start = performance.now();
      const run = await engine.execute(runId);
      const seconds = (performance.now() - start) / 1000;
      if (run.state !== 'succeeded' || hook.receiver.events.length !== rows.length)
        throw new Error(
          `the run ${run.state}: ${hook.receiver.events.length} of ${rows.length} delivered (${run.lastError})`,
        );
      opts.log(`  bare loop ${rawSeconds.toFixed(2)} s, engine ${seconds.toFixed(2)} s`);
      opts.log(
        benchLine({
          name: 'webhooks',
          metric: `events_per_s_${driver}`,
          ours: rows.length / seconds,
          limit: rows.length / rawSeconds,
          unit: 'events/s',
        }),
      );
    } finally {
      await engine.stop();
    }
  } finally {
    await hook.receiver.close();
  }
}

async function lag(store: Store, driver: string, opts: WebhooksBenchOptions): Promise<void> {
  const db = store.db;
  const hook = await endpoint(db, opts.batch);
  // A bare POST of one signed event, for scale.
  const bare: number[] = [];
  for (let i = 0; i < 50; i++) {
    const body = `{"events":[{"id":${i + 1},"type":"inbox.reading","orgId":"${ORG}","createdAt":"2026-01-01T00:00:00Z","data":{}}]}`;
    const ts = Math.floor(Date.now() / 1000);
    const t0 = performance.now();
    const res = await fetch(`${hook.receiver.url}/hook`, {
      method: 'POST',
      headers: {
        [webhookHeaders.timestamp]: String(ts),
        [webhookHeaders.signature]: signWebhook(hook.secret, ts, body),
      },
      body,
    });
    await res.text();
    bare.push(performance.now() - t0);
  }
  hook.receiver.events.length = 0;
  hook.receiver.arrivals.length = 0;
  const engine = await SyncEngine.start({
    store,
    box,
    connectors: new ConnectorRegistry([webhookConnector]),
    mode: 'queue',
    workers: 1,
  });
  const committed = new Map<string, number>();
  const lags: number[] = [];
  const arrivedAt = new Map<string, number>();
  const seen = () => {
    let at = 0;
    for (const a of hook.receiver.arrivals) {
      for (const e of hook.receiver.events.slice(at, at + a.count))
        arrivedAt.set(String(e.data.sourceId), a.at);
      at += a.count;
    }
  };
  try {
    for (let i = 0; i < opts.lagSamples; i++) {
      await appendInbox(db, ORG, [reading(i)]);
      committed.set(`r${i}`, Date.now());
      // Residents act now and then, not in lockstep with the pump.
      await delay(50 + Math.floor(Math.random() * 250));
    }
    const deadline = Date.now() + 120_000;
    while (hook.receiver.events.length < opts.lagSamples && Date.now() < deadline) await delay(50);
    seen();
    for (const [id, at] of committed) {
      const got = arrivedAt.get(id);
      if (got === undefined) throw new Error(`event ${id} never reached the receiver`);
      lags.push(got - at);
    }
  } finally {
    await engine.stop();
    await hook.receiver.close();
  }
  const p = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  opts.log(
    `  lag over ${lags.length} commits: p50 ${p(lags, 0.5)} ms, p99 ${p(lags, 0.99)} ms (bare POST p50 ${p(bare, 0.5).toFixed(1)} ms)`,
  );
  for (const q of [50, 99] as const) {
    opts.log(
      benchLine({
        name: 'webhooks',
        metric: `lag_p${q}_ms_${driver}`,
        ours: p(lags, q / 100),
        limit: Number(p(bare, q / 100).toFixed(2)),
        unit: 'ms',
      }),
    );
  }
}
