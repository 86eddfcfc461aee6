import { randomBytes } from 'node:crypto';
import { demoOrganization } from '../demo/generate-demo.js';
import { Organization } from '../domain/model/organization.js';
import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { SyncEngine } from '../engine/sync-engine.js';
import { testbedConnector } from '../platforms/testbed/client/testbed-connector.js';
import {
  startTestbed,
  type Testbed,
  type TestbedOptions,
} from '../platforms/testbed/sandbox/start-testbed.js';
import { createConnection } from '../store/connection-store.js';
import { openScratchStore } from '../store/open-scratch-store.js';
import type { Store } from '../store/open-store.js';
import { upsertOrg } from '../store/org-store.js';
import { type PreparedRecord, upsertRecords } from '../store/record-store.js';
import { SecretBox } from '../store/secret-box.js';

export type BenchDriver = 'pglite' | 'postgres';

export const BENCH_ORG = 'bench';

/** A fresh store holding the records, one organisation, a testbed sandbox and a connection to it. */
export interface DeliverSetup {
  store: Store;
  testbed: Testbed;
  connectionId: string;
  engine: SyncEngine;
  close(): Promise<void>;
}

/** Opens a scratch store (PGlite on disk, or a new database on `databaseUrl`'s server). */
export function openBenchStore(driver: BenchDriver, databaseUrl: string | undefined): Promise<Store> {
  if (driver === 'pglite') return openScratchStore({ driver: 'pglite', onDisk: true });
  if (!databaseUrl) throw new Error('the postgres run needs DATABASE_URL');
  return openScratchStore({ driver: 'postgres', serverUrl: databaseUrl });
}

/** Everything the measured runs need; loading the records is not timed. Closes what it opened on failure. */
export async function startDeliverSetup(opts: {
  driver: BenchDriver;
  databaseUrl: string | undefined;
  kind: string;
  records: readonly PreparedRecord[];
  testbed: TestbedOptions;
}): Promise<DeliverSetup> {
  const store = await openBenchStore(opts.driver, opts.databaseUrl);
  let testbed: Testbed | undefined;
  let engine: SyncEngine | undefined;
  const close = async () => {
    await engine?.stop();
    await testbed?.close();
    await store.close();
  };
  try {
    testbed = await startTestbed(opts.testbed);
    await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: BENCH_ORG })));
    await upsertRecords(store.db, BENCH_ORG, opts.kind, opts.records);
    const box = new SecretBox(randomBytes(32));
    const conn = await createConnection(store.db, box, BENCH_ORG, {
      platform: testbedConnector.platform,
      name: 'testbed',
      credentials: { user: testbed.user, password: testbed.password },
      settings: { baseUrl: testbed.url },
    });
    const connectors = new ConnectorRegistry([testbedConnector]);
    engine = await SyncEngine.start({ store, box, connectors, mode: 'inline' });
    return { store, testbed, connectionId: conn.id, engine, close };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}
