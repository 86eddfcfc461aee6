import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ConnectorContext } from '../../../src/engine/connector/connector.js';
import { ConnectorRegistry } from '../../../src/engine/connector/connector-registry.js';
import { createPlatformFetch } from '../../../src/engine/policy/platform-fetch.js';
import { SyncEngine } from '../../../src/engine/sync-engine.js';
import { uzhkhConnector } from '../../../src/platforms/uzhkh/client/uzhkh-connector.js';
import type { UzhkhCredentials } from '../../../src/platforms/uzhkh/client/uzhkh-credentials.js';
import { UzhkhSettings } from '../../../src/platforms/uzhkh/client/uzhkh-settings.js';
import {
  startUzhkhSandbox,
  type UzhkhSandbox,
  type UzhkhSandboxOptions,
} from '../../../src/platforms/uzhkh/sandbox/start-uzhkh-sandbox.js';
import { createConnection } from '../../../src/store/connection-store.js';
import { type InboxEntry, readInbox } from '../../../src/store/inbox-store.js';
import type { Store } from '../../../src/store/open-store.js';
import { upsertOrg } from '../../../src/store/org-store.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { orgFixture, TEST_SECRET } from '../../support/test-hub.js';
import { openTestStore } from '../../support/test-stores.js';

export const ORG = 'uk-uzhkh';
/** Fast retries: faults are injected on purpose and the waits must stay short. */
export const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 };

export interface UzhkhFixture {
  store: Store;
  org: string;
  sandbox: UzhkhSandbox;
  engine: SyncEngine;
  connectionId: string;
  close(): Promise<void>;
}

/** A store with one organisation, a «Умное ЖКХ» sandbox and a connection to it; an inline engine. */
export async function startUzhkhFixture(
  kind: 'pglite' | 'postgres',
  opts: {
    sandbox?: UzhkhSandboxOptions;
    settings?: Record<string, unknown>;
    token?: string;
    retry?: Partial<typeof FAST_RETRY>;
    /** A store shared by a suite (left open on close); each fixture then needs its own `org`. */
    store?: Store;
    org?: string;
  } = {},
): Promise<UzhkhFixture> {
  const store = opts.store ?? (await openTestStore(kind));
  const org = opts.org ?? ORG;
  const box = SecretBox.fromString(TEST_SECRET);
  const sandbox = await startUzhkhSandbox(opts.sandbox);
  await upsertOrg(store.db, orgFixture(org) as never);
  const conn = await createConnection(store.db, box, org, {
    platform: 'uzhkh',
    name: 'uzhkh',
    credentials: { token: opts.token ?? sandbox.token },
    settings: { baseUrl: sandbox.url, ...opts.settings, sync: { retry: { ...FAST_RETRY, ...opts.retry } } },
  });
  const engine = await SyncEngine.start({
    store,
    box,
    connectors: new ConnectorRegistry([uzhkhConnector]),
    mode: 'inline',
  });
  return {
    store,
    org,
    sandbox,
    engine,
    connectionId: conn.id,
    async close() {
      await engine.stop();
      await sandbox.close();
      if (!opts.store) await store.close();
    },
  };
}

export async function syncOnce(f: UzhkhFixture, direction: 'outbound' | 'inbound' | 'both' = 'both') {
  const [run] = await f.engine.trigger(f.org, { connectionId: f.connectionId, direction, trigger: 'test' });
  if (!run) throw new Error('no run was created');
  return f.engine.execute(run.id);
}

/** An inbox entry whose payload a test reads field by field. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON payloads field by field
export type Entry = Omit<InboxEntry, 'payload'> & { payload: any };

/** Every inbox entry of the organisation, oldest first. */
export async function inbox(f: { store: Store; org: string }, kind?: string): Promise<Entry[]> {
  const all: Entry[] = [];
  let after = 0;
  for (;;) {
    const { items } = await readInbox(f.store.db, f.org, { after, limit: 1000, kind });
    if (items.length === 0) return all;
    all.push(...items);
    after = items[items.length - 1]!.cursor;
  }
}

export function countByKind(entries: readonly Entry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[e.kind] = (out[e.kind] ?? 0) + 1;
  return out;
}

/** A connector context built by hand, with the engine's real fetch mapping. */
export function contextFor(
  sandbox: UzhkhSandbox,
  settings: Record<string, unknown> = {},
  credentials: UzhkhCredentials = { token: sandbox.token },
): ConnectorContext<UzhkhSettings, UzhkhCredentials> {
  const signal = new AbortController().signal;
  return {
    connection: {
      id: 'conn-1',
      orgId: 'org-1',
      platform: 'uzhkh',
      settings: UzhkhSettings.parse({ baseUrl: sandbox.url, ...settings }),
    },
    credentials,
    fetch: createPlatformFetch({ timeoutMs: 5000, signal }),
    session: new Map(),
    signal,
    ids: { platformIdOf: async () => undefined, keyOf: async () => undefined },
  };
}

/** A plain call to the sandbox's platform API (the token by default). */
export async function platformCall(
  sandbox: UzhkhSandbox,
  path: string,
  token: string | null = sandbox.token,
) {
  const res = await fetch(sandbox.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Hooks for a suite on one store (opening one is the slow part), each test with its own
 * organisation; `start` gives a test its fixture, closed after the test.
 */
export function uzhkhSuite(kind: 'pglite' | 'postgres', prefix: string) {
  let store: Store;
  let n = 0;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });
  const started: UzhkhFixture[] = [];
  afterEach(async () => {
    for (const f of started.splice(0)) await f.close();
  });
  return {
    async start(opts: Omit<NonNullable<Parameters<typeof startUzhkhFixture>[1]>, 'store' | 'org'> = {}) {
      const f = await startUzhkhFixture(kind, { ...opts, store, org: `${prefix}-${++n}` });
      started.push(f);
      return f;
    },
  };
}
