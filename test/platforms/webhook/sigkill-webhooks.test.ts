import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createWebhook, editWebhook } from '../../../src/platforms/webhook/client/webhook-endpoints.js';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../src/platforms/webhook/sandbox/start-webhook-receiver.js';
import { appendInbox } from '../../../src/store/inbox-store.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { upsertOrg } from '../../../src/store/org-store.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { orgFixture, TEST_SECRET } from '../../support/test-hub.js';
import { openTestStore, storeKinds } from '../../support/test-stores.js';

const BIN = join(import.meta.dirname, '../../../bin/zhkh-bridge.js');
const ORG = 'uk-kill-hooks';
const EVENTS = 3000;

/** The hub's store: a PGlite directory (one process at a time) or a PostgreSQL database. */
interface Place {
  args: string[];
  env: Record<string, string>;
  withStore<T>(fn: (s: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function placeFor(kind: 'pglite' | 'postgres'): Promise<Place> {
  if (kind === 'pglite') {
    const home = mkdtempSync(join(tmpdir(), 'zb-kill-hooks-'));
    const dataDir = join(home, 'data');
    return {
      args: ['--data-dir', dataDir],
      env: {},
      async withStore(fn) {
        const s = await openStore({ driver: 'pglite', dataDir });
        try {
          return await fn(s);
        } finally {
          await s.close();
        }
      },
      close: async () => rmSync(home, { recursive: true, force: true }),
    };
  }
  const store = await openTestStore('postgres');
  if (store.raw.driver !== 'postgres') throw new Error('expected PostgreSQL');
  return {
    args: [],
    env: { DATABASE_URL: store.raw.url },
    withStore: (fn) => fn(store),
    close: () => store.close(),
  };
}

function startHub(place: Place): ChildProcess {
  const { DATABASE_URL: _, ...env } = process.env;
  return spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...place.args], {
    env: {
      ...env,
      ...place.env,
      ZHKH_SECRET_KEY: TEST_SECRET,
      LOG_LEVEL: 'warn',
      ZHKH_OUTBOX_POLL_MS: '100',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

// On PostgreSQL a killed worker's run waits for its job's heartbeat to expire (~45 s) before another
// process takes it over: minutes for three kills.
describe.each(storeKinds)('webhook delivery killed with SIGKILL on %s', { timeout: 900_000 }, (kind) => {
  let place: Place | undefined;
  let receiver: WebhookReceiver | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await receiver?.close();
    await place?.close();
  });

  it('delivers every event at least once, in order, signed, across kills and restarts', async () => {
    place = await placeFor(kind);
    const box = SecretBox.fromString(TEST_SECRET);
    // The endpoint first (its secret is the hub's), then the billing holding that secret.
    const hook = await place.withStore(async (s) => {
      await upsertOrg(s.db, orgFixture(ORG) as never);
      return createWebhook(s.db, box, ORG, {
        name: 'billing',
        url: 'http://127.0.0.1:1/later',
        events: ['inbox.reading'],
        batchSize: 10,
        retry: { maxAttempts: 50, baseDelayMs: 10, maxDelayMs: 200 },
      });
    });
    receiver = await startWebhookReceiver({ secret: hook.secret! });
    await place.withStore(async (s) => {
      await editWebhook(s.db, box, ORG, hook.id, { url: `${receiver!.url}/hook` });
      for (let from = 0; from < EVENTS; from += 500) {
        await appendInbox(
          s.db,
          ORG,
          Array.from({ length: 500 }, (_, i) => ({
            connectionId: 'c-doma',
            platform: 'doma',
            kind: 'reading',
            sourceId: `r${String(from + i).padStart(5, '0')}`,
            payload: { n: from + i },
          })),
        );
      }
    });

    // Three kills, each once the billing has seen more events than before.
    const kills: number[] = [];
    for (let k = 1; k <= 3; k++) {
      child = startHub(place);
      const exited = once(child, 'exit');
      const target = receiver.events.length + 150 + Math.floor(Math.random() * 300);
      while (receiver.events.length < target && child.exitCode === null) await delay(20);
      expect(child.exitCode, 'the hub died on its own').toBeNull();
      child.kill('SIGKILL');
      await exited;
      kills.push(receiver.events.length);
    }
    child = startHub(place);
    const deadline = Date.now() + 400_000;
    const distinct = () => new Set(receiver!.events.map((e) => e.data.sourceId)).size;
    while (distinct() < EVENTS && Date.now() < deadline) await delay(100);
    child.kill('SIGTERM');
    await once(child, 'exit');

    expect(kills.every((n, i) => n < EVENTS && (i === 0 || n > kills[i - 1]!))).toBe(true);
    expect(receiver.badSignatures).toBe(0);
    const expected = Array.from({ length: EVENTS }, (_, i) => `r${String(i).padStart(5, '0')}`);
    expect(distinct()).toBe(EVENTS);
    // In order: each event is a redelivery of one already seen, or the very next one — never a skip.
    let next = 0;
    for (const e of receiver.events) {
      const at = Number((e.data.payload as { n: number }).n);
      if (at === next) next++;
      else expect(at, `event ${e.id} arrived out of order`).toBeLessThan(next);
    }
    expect(next).toBe(EVENTS);
    expect(
      receiver.events
        .filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i)
        .map((e) => e.data.sourceId),
    ).toEqual(expected);
  });
});
