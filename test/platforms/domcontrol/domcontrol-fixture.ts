import { type EntityKindName, entityKinds } from '../../../src/domain/entity-kinds.js';
import { ConnectorRegistry } from '../../../src/engine/connector/connector-registry.js';
import { SyncEngine } from '../../../src/engine/sync-engine.js';
import { domcontrolConnector } from '../../../src/platforms/domcontrol/client/domcontrol-connector.js';
import {
  type DomcontrolSandbox,
  type DomcontrolSandboxOptions,
  startDomcontrolSandbox,
} from '../../../src/platforms/domcontrol/sandbox/start-domcontrol-sandbox.js';
import { createConnection } from '../../../src/store/connection-store.js';
import { ingestRecords } from '../../../src/store/ingest-records.js';
import type { Store } from '../../../src/store/open-store.js';
import { upsertOrg } from '../../../src/store/org-store.js';
import { listRecordErrors } from '../../../src/store/record-error-store.js';
import { deleteRecords } from '../../../src/store/record-store.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { FAST_RETRY } from '../../support/engine-fixture.js';
import { orgFixture, TEST_SECRET } from '../../support/test-hub.js';
import { openTestStore } from '../../support/test-stores.js';

export const ORG = 'uk-domcontrol';

/** A real store with one organisation, the DomControl sandbox, a connection to it and an inline engine. */
export interface DomcontrolFixture {
  store: Store;
  sandbox: DomcontrolSandbox;
  connectionId: string;
  engine: SyncEngine;
  /** Writes canonical records through the hub's one write path; throws if any is refused. */
  put(kind: EntityKindName, records: readonly unknown[]): Promise<void>;
  remove(kind: EntityKindName, keys: string[]): Promise<void>;
  sync(kinds?: string[]): ReturnType<SyncEngine['execute']>;
  openErrors(kind?: string): Promise<Array<{ key: string; code: string; message: string }>>;
  close(): Promise<void>;
}

export async function startDomcontrolFixture(
  kind: 'pglite' | 'postgres',
  opts: {
    sandbox?: DomcontrolSandboxOptions;
    settings?: Record<string, unknown>;
    credentials?: Record<string, string>;
  } = {},
): Promise<DomcontrolFixture> {
  const store = await openTestStore(kind);
  const box = SecretBox.fromString(TEST_SECRET);
  const sandbox = await startDomcontrolSandbox(opts.sandbox);
  await upsertOrg(store.db, orgFixture(ORG) as never);
  const conn = await createConnection(store.db, box, ORG, {
    platform: 'domcontrol',
    name: 'domcontrol',
    credentials: opts.credentials ?? {},
    settings: { baseUrl: sandbox.url, sync: { retry: FAST_RETRY }, ...opts.settings },
  });
  const engine = await SyncEngine.start({
    store,
    box,
    connectors: new ConnectorRegistry([domcontrolConnector]),
    mode: 'inline',
  });
  return {
    store,
    sandbox,
    connectionId: conn.id,
    engine,
    async put(kindName, records) {
      const summary = await ingestRecords(store.db, ORG, entityKinds[kindName], records);
      if (summary.rejected > 0) throw new Error(JSON.stringify(summary.results.filter((r) => r.errors)));
    },
    async remove(kindName, keys) {
      await deleteRecords(store.db, ORG, kindName, keys);
    },
    async sync(kinds) {
      const [run] = await engine.trigger(ORG, {
        connectionId: conn.id,
        kinds,
        direction: 'outbound',
        trigger: 'test',
      });
      if (!run) throw new Error('no run was created');
      return engine.execute(run.id);
    },
    async openErrors(kindName) {
      const rows = await listRecordErrors(store.db, ORG, { kind: kindName, state: 'open', limit: 1000 });
      return rows.map((r) => ({ key: r.key, code: r.code, message: r.message }));
    },
    async close() {
      await engine.stop();
      await sandbox.close();
      await store.close();
    },
  };
}
