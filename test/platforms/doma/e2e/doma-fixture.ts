import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type EntityKindName, entityKinds } from '../../../../src/domain/entity-kinds.js';
import type { Connector } from '../../../../src/engine/connector/connector.js';
import { ConnectorRegistry } from '../../../../src/engine/connector/connector-registry.js';
import { SyncEngine } from '../../../../src/engine/sync-engine.js';
import { domaConnector } from '../../../../src/platforms/doma/client/doma-connector.js';
import { SEED_HOUSE_ADDRESS, SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  type DomaSandboxOptions,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { createConnection } from '../../../../src/store/connection-store.js';
import type { Store } from '../../../../src/store/open-store.js';
import { upsertOrg } from '../../../../src/store/org-store.js';
import { upsertRecords } from '../../../../src/store/record-store.js';
import { SecretBox } from '../../../../src/store/secret-box.js';
import { FAST_RETRY } from '../../../support/engine-fixture.js';
import { orgFixture, TEST_SECRET } from '../../../support/test-hub.js';
import { openTestStore } from '../../../support/test-stores.js';

export const ORG = 'uk-doma';
let orgs = 0;
/** The seed's organization with the Finished billing context (the sandbox starts with both). */
export const DOMA_ORG = SeedIds.context;

/** A store with one organisation, a Doma.ai sandbox and a connection to it, and an inline engine. */
export interface DomaFixture {
  store: Store;
  /** The organisation of this fixture (a fresh one per fixture, so tests may share a store). */
  org: string;
  sandbox: DomaSandbox;
  connectionId: string;
  engine: SyncEngine;
  close(): Promise<void>;
}

export async function startDomaFixture(
  kind: 'pglite' | 'postgres',
  opts: {
    sandbox?: DomaSandboxOptions;
    settings?: Record<string, unknown>;
    sync?: Record<string, unknown>;
    connector?: Connector;
    credentials?: { email: string; password: string };
    /** A store shared by the tests of a file (opening one costs seconds); closed by its opener. */
    store?: Store;
  } = {},
): Promise<DomaFixture> {
  const store = opts.store ?? (await openTestStore(kind));
  const org = `${ORG}-${++orgs}`;
  const box = SecretBox.fromString(TEST_SECRET);
  const sandbox = await startDomaSandbox(opts.sandbox);
  await upsertOrg(store.db, orgFixture(org) as never);
  const conn = await createConnection(store.db, box, org, {
    platform: 'doma',
    name: 'doma',
    credentials: opts.credentials ?? { email: sandbox.email, password: sandbox.password },
    settings: {
      baseUrl: sandbox.url,
      billingContextId: SeedIds.context,
      organizationId: DOMA_ORG,
      ...opts.settings,
      sync: { retry: FAST_RETRY, ...opts.sync },
    },
  });
  const connectors = new ConnectorRegistry([opts.connector ?? (domaConnector as Connector)]);
  const engine = await SyncEngine.start({ store, box, connectors, mode: 'inline' });
  return {
    store,
    org,
    sandbox,
    connectionId: conn.id,
    engine,
    async close() {
      await engine.stop();
      await sandbox.close();
      if (!opts.store) await store.close();
    },
  };
}

/** Writes canonical records (API input form) straight into the store, decoded like the API does. */
export async function putRecords(
  f: Pick<DomaFixture, 'store' | 'org'>,
  kind: EntityKindName,
  inputs: readonly unknown[],
): Promise<void> {
  const k = entityKinds[kind];
  await upsertRecords(
    f.store.db,
    f.org,
    kind,
    inputs.map((input) => {
      const data = k.schema.parse(input);
      const json = JSON.stringify(data);
      return { key: k.keyOf(data as never), json, hash: createHash('sha256').update(json).digest('hex') };
    }),
  );
}

/** Runs one sync of the fixture's connection inline and answers the finished run. */
export async function syncOnce(
  f: DomaFixture,
  opts: { kinds?: string[]; direction?: 'outbound' | 'inbound' | 'both' } = {},
) {
  const [run] = await f.engine.trigger(f.org, {
    connectionId: f.connectionId,
    kinds: opts.kinds,
    direction: opts.direction,
    trigger: 'test',
  });
  if (!run) throw new Error('no run was created');
  return f.engine.execute(run.id);
}

export const RECIPIENT = { inn: '7736050003', bik: '044525225', account: '40702810138250123017' };

/** `n` flats in the seed's house (ФИАС known to the sandbox), one account each. */
export async function putFlats(f: DomaFixture, n: number): Promise<string[]> {
  await putRecords(f, 'house', [{ id: 'h14', address: SEED_HOUSE_ADDRESS, fiasGuid: SeedIds.houseFias }]);
  const numbers = Array.from({ length: n }, (_, i) => `10000${String(i + 1).padStart(5, '0')}`);
  await putRecords(
    f,
    'premise',
    numbers.map((_, i) => ({ id: `p${i + 1}`, houseId: 'h14', number: String(i + 1) })),
  );
  await putRecords(
    f,
    'account',
    numbers.map((number, i) => ({ number, premiseId: `p${i + 1}`, ownerName: `Жилец Номер ${i + 1}` })),
  );
  return numbers;
}

/** A receipt with `services` lines (API input form). */
export function receiptInput(accountNumber: string, over: Record<string, unknown> = {}, services = 3) {
  const lines = Array.from({ length: services }, (_, l) => ({
    serviceId: `svc-${l + 1}`,
    name: `Услуга ${l + 1}`,
    charge: `${100 + l}.10`,
    toPay: `${100 + l}.10`,
    volume: '1.125',
    tariff: '42.17',
  }));
  const total = lines.reduce((s, _, l) => s + (100 + l) * 100 + 10, 0);
  return {
    accountNumber,
    period: '2024-01',
    category: 'housing',
    recipient: RECIPIENT,
    toPay: `${Math.trunc(total / 100)}.${String(total % 100).padStart(2, '0')}`,
    balance: '-12.30',
    lines,
    ...over,
  };
}

/** A tiny valid PDF carrying `text` (so two texts give two files). */
export function tinyPdf(text: string, padding = 0): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n${'%'.repeat(padding)}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/**
 * The hooks of a suite: one store for the file (opening one costs seconds), a fresh fixture per
 * test on it (its own organisation and sandbox), closed after each test.
 */
export function domaSuite(kind: 'pglite' | 'postgres') {
  let store: Store | undefined;
  let current: DomaFixture | undefined;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => {
    await store?.close();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(
      opts: Omit<Parameters<typeof startDomaFixture>[1] & object, 'store'> = {},
    ): Promise<DomaFixture> {
      await current?.close();
      current = await startDomaFixture(kind, { ...opts, store });
      return current;
    },
  };
}
