import type { FastifyInstance } from 'fastify';
import { SyncEngine } from '../../src/engine/sync-engine.js';
import { buildHub } from '../../src/hub/build-hub.js';
import { HubMetrics } from '../../src/hub/hub-metrics.js';
import { builtinConnectors } from '../../src/platforms/builtin-connectors.js';
import type { Store } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { createToken } from '../../src/store/token-store.js';
import { openTestStore } from './test-stores.js';

export const TEST_SECRET = 'test-secret-key-for-zhkh-bridge-suite';

/** A valid organisation (ИНН, КПП, bank account from the shared reference's vectors). */
export function orgFixture(id: string) {
  return {
    id,
    name: `ООО «УК ${id}»`,
    inn: '7736050003',
    kpp: '773601001',
    bankAccounts: [
      {
        bik: '044525225',
        account: '40702810138250123017',
        corrAccount: '30101810400000000225',
        bankName: 'ПАО Сбербанк',
      },
    ],
  };
}

export interface TestHub {
  store: Store;
  app: FastifyInstance;
  /** The sync engine, when started with `engine`. */
  engine: SyncEngine | undefined;
  /** Base URL of the hub listening on loopback. */
  url: string;
  adminToken: string;
  tokenFor(org: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestHubOptions {
  orgs?: string[];
  maxRecords?: number;
  bodyLimit?: number;
  /** Start a sync engine (queue mode, 1 worker unless given) the way `serve` does. */
  engine?: boolean | { workers: number };
  /** The token that opens /metrics only (ZHKH_METRICS_TOKEN). */
  metricsToken?: string;
  /** Bulk bodies from this size on are validated in a bulk-body thread (0: every one of them). */
  bulkThreadMinBytes?: number;
  /** Bulk-body threads (0: none, the hub's thread validates). */
  bulkThreads?: number;
}

/** A real hub on a real store, listening on 127.0.0.1 with a random port. */
export async function startTestHub(kind: 'pglite' | 'postgres', opts: TestHubOptions = {}): Promise<TestHub> {
  const store = await openTestStore(kind);
  const box = SecretBox.fromString(TEST_SECRET);
  const limits: { maxRecords?: number; bodyLimit?: number } = {};
  if (opts.maxRecords) limits.maxRecords = opts.maxRecords;
  if (opts.bodyLimit) limits.bodyLimit = opts.bodyLimit;
  const metrics = new HubMetrics();
  const connectors = builtinConnectors();
  const engine = opts.engine
    ? await SyncEngine.start({
        store,
        box,
        connectors,
        mode: 'queue',
        workers: opts.engine === true ? 1 : opts.engine.workers,
        registry: metrics.registry,
      })
    : undefined;
  const app = await buildHub({
    store,
    box,
    limits,
    connectors,
    metrics,
    engine,
    metricsToken: opts.metricsToken,
    ...(opts.bulkThreads !== undefined ? { bulkThreads: opts.bulkThreads } : {}),
    ...(opts.bulkThreadMinBytes !== undefined ? { bulkThreadMinBytes: opts.bulkThreadMinBytes } : {}),
  });
  for (const org of opts.orgs ?? []) await upsertOrg(store.db, orgFixture(org) as never);
  const { token: adminToken } = await createToken(store.db, { orgId: null, name: 'test admin' });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    store,
    app,
    engine,
    url,
    adminToken,
    tokenFor: async (org) => (await createToken(store.db, { orgId: org, name: `test ${org}` })).token,
    async close() {
      await app.close();
      // Workers still use the store, so they stop first.
      await engine?.stop();
      await store.close();
    },
  };
}

/** fetch with a bearer token and JSON in/out; returns status, parsed body and raw text. */
export async function call(
  hub: TestHub,
  method: string,
  path: string,
  opts: { token?: string | null; json?: unknown; body?: string; contentType?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers field by field
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = {};
  const token = opts.token === undefined ? hub.adminToken : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined = opts.body;
  if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const res = await fetch(hub.url + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}
