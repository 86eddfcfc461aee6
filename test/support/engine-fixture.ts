import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Connector } from '../../src/engine/connector/connector.js';
import { ConnectorRegistry } from '../../src/engine/connector/connector-registry.js';
import { SyncEngine } from '../../src/engine/sync-engine.js';
import { testbedConnector } from '../../src/platforms/testbed/client/testbed-connector.js';
import {
  startTestbed,
  type Testbed,
  type TestbedOptions,
} from '../../src/platforms/testbed/sandbox/start-testbed.js';
import { createConnection } from '../../src/store/connection-store.js';
import type { Store } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { deleteRecords, upsertRecords } from '../../src/store/record-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { orgFixture, TEST_SECRET } from './test-hub.js';
import { openTestStore } from './test-stores.js';

export const ORG = 'uk-engine';

/** A store with one organisation, a testbed sandbox, and a connection of the org to it. */
export interface EngineFixture {
  store: Store;
  box: SecretBox;
  testbed: Testbed;
  connectionId: string;
  engine: SyncEngine;
  close(): Promise<void>;
}

/** A fast retry policy for tests: the faults are many, the waits short. */
export const FAST_RETRY = { maxAttempts: 25, baseDelayMs: 5, maxDelayMs: 100, timeoutMs: 2000 };

export async function startEngineFixture(
  kind: 'pglite' | 'postgres',
  opts: {
    testbed?: TestbedOptions;
    sync?: Record<string, unknown>;
    connectors?: Connector[];
    store?: Store;
    /** Where the engine logs (tests capture its lines). */
    log?: Logger;
    /** Where the engine's metrics go. */
    registry?: Registry;
  } = {},
): Promise<EngineFixture> {
  const store = opts.store ?? (await openTestStore(kind));
  const box = SecretBox.fromString(TEST_SECRET);
  const testbed = await startTestbed(opts.testbed);
  await upsertOrg(store.db, orgFixture(ORG) as never);
  const conn = await createConnection(store.db, box, ORG, {
    platform: opts.connectors?.[0]?.platform ?? 'testbed',
    name: 'testbed',
    credentials: { user: testbed.user, password: testbed.password },
    settings: { baseUrl: testbed.url, sync: { retry: { ...FAST_RETRY, ...(opts.sync ?? {}) } } },
  });
  const connectors = new ConnectorRegistry(opts.connectors ?? [testbedConnector]);
  const engine = await SyncEngine.start({
    store,
    box,
    connectors,
    mode: 'inline',
    log: opts.log,
    registry: opts.registry,
  });
  return {
    store,
    box,
    testbed,
    connectionId: conn.id,
    engine,
    async close() {
      await engine.stop();
      await testbed.close();
      if (!opts.store) await store.close();
    },
  };
}

/**
 * Writes service records straight into the store (the billing's API path is tested elsewhere), so
 * a test can also plant a payload the testbed refuses on purpose (`reject`).
 */
export async function putServices(
  store: Store,
  records: ReadonlyArray<{ id: string; name: string; reject?: string }>,
): Promise<void> {
  await upsertRecords(
    store.db,
    ORG,
    'service',
    records.map((r) => {
      const json = JSON.stringify(r);
      return { key: r.id, json, hash: createHash('sha256').update(json).digest('hex') };
    }),
  );
}

export async function removeServices(store: Store, ids: string[]): Promise<void> {
  await deleteRecords(store.db, ORG, 'service', ids);
}

/** Runs one sync of the fixture's connection inline and answers the finished run. */
export async function syncOnce(
  f: EngineFixture,
  opts: { kinds?: string[]; direction?: 'outbound' | 'inbound' | 'both' } = {},
) {
  const [run] = await f.engine.trigger(ORG, {
    connectionId: f.connectionId,
    kinds: opts.kinds,
    direction: opts.direction,
    trigger: 'test',
  });
  if (!run) throw new Error('no run was created');
  return f.engine.execute(run.id);
}

export const serviceRecords = (n: number, version = 1, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `s${String(from + i).padStart(6, '0')}`,
    name: `Услуга ${from + i} v${version}`,
  }));
