import { randomBytes } from 'node:crypto';
import { demoOrganization } from '../demo/generate-demo.js';
import { Organization } from '../domain/model/organization.js';
import type { Connector } from '../engine/connector/connector.js';
import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { SyncEngine } from '../engine/sync-engine.js';
import { domaConnector } from '../platforms/doma/client/doma-connector.js';
import { DomaSettings } from '../platforms/doma/client/doma-settings.js';
import { SeedIds } from '../platforms/doma/sandbox/seed-objects.js';
import { createConnection } from '../store/connection-store.js';
import type { Store } from '../store/open-store.js';
import { upsertOrg } from '../store/org-store.js';
import { SecretBox } from '../store/secret-box.js';
import { benchLine } from './bench-line.js';
import { BENCH_ORG, type BenchDriver, openBenchStore } from './deliver-setup.js';
import { FLATS_PER_HOUSE, loadDomaBenchData } from './doma-bench-data.js';
import { buildReceiptBodies, postReceiptBodies } from './doma-raw.js';
import { startChildSandbox } from './doma-sandbox-child.js';
import { fastestOf, NOOP_REPEATS } from './fastest-of.js';

/** Requests the engine keeps in flight (settings.sync.retry.concurrency of the bench connection). */
const ENGINE_CONCURRENCY = 2;

export interface DomaBenchOptions {
  receipts: number;
  /** Added by the sandbox to every answer, for the raw loop and the engine alike. */
  latencyMs: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

export interface DomaFigures {
  driver: BenchDriver;
  receipts: number;
  rawSeconds: number;
  engineSeconds: number;
  noopSeconds: number;
  noopMutations: number;
  /** The unchanged re-publish of a tenth of the receipts, on a store of its own. */
  smallReceipts: number;
  smallNoopSeconds: number;
}

/**
 * Receipts of 12 services from the store to the Doma.ai sandbox (a process of its own, as the
 * platform is remote) through the engine, beside the sandbox's raw intake of the same pre-built requests posted by a bare loop, then an unchanged
 * re-publish that must send no mutation at all. PGlite; PostgreSQL too when `databaseUrl` is set.
 */
export async function runDomaBench(opts: DomaBenchOptions): Promise<DomaFigures[]> {
  if (!Number.isInteger(opts.latencyMs) || opts.latencyMs < 0) throw new Error('--latency-ms must be ≥ 0');
  if (!Number.isInteger(opts.receipts) || opts.receipts < 1)
    throw new Error('--receipts must be a positive integer');
  const drivers: BenchDriver[] = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const figures: DomaFigures[] = [];
  for (const driver of drivers) {
    opts.log(
      `doma on ${driver}: ${opts.receipts} receipts of 12 services, sandbox latency ${opts.latencyMs} ms`,
    );
    const store = await openBenchStore(driver, opts.databaseUrl);
    try {
      const f = await measure(store, driver, opts);
      report(f, opts);
      figures.push(f);
    } finally {
      await store.close();
    }
  }
  return figures;
}

async function measure(store: Store, driver: BenchDriver, opts: DomaBenchOptions): Promise<DomaFigures> {
  const n = opts.receipts;
  const rate = (s: number) => `${s.toFixed(2)} s, ${Math.round(n / s)} receipts/s`;
  await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: BENCH_ORG })));
  const t0 = performance.now();
  await loadDomaBenchData(store, BENCH_ORG, n);
  opts.log(`  loaded the store in ${((performance.now() - t0) / 1000).toFixed(1)} s (not measured)`);

  const houses = Math.ceil(n / FLATS_PER_HOUSE);
  const rawSandbox = await startChildSandbox(houses, opts.latencyMs);
  let rawSeconds: number;
  try {
    const settings = DomaSettings.parse({
      baseUrl: rawSandbox.url,
      billingContextId: SeedIds.context,
      organizationId: SeedIds.context,
    });
    const bodies = await buildReceiptBodies(store, BENCH_ORG, settings);
    rawSeconds = await postReceiptBodies(
      rawSandbox.apiUrl,
      { email: rawSandbox.email, password: rawSandbox.password },
      bodies,
      ENGINE_CONCURRENCY,
    );
    const held = (await rawSandbox.state()).counts.receipts;
    if (held !== n) throw new Error(`raw intake: the sandbox holds ${held} of ${n} receipts`);
    opts.log(
      `  raw intake (${bodies.length} pre-built requests, bare loop, ${ENGINE_CONCURRENCY} in flight): ${rate(rawSeconds)}`,
    );
  } finally {
    await rawSandbox.close();
  }

  const { full, noop, noopMutations } = await publishTwice(store, n, opts);
  // The same platform at a tenth of the size, on a store of its own: how the unchanged path grows.
  const small = Math.max(1, Math.round(n / 10));
  const smallStore = await openBenchStore(driver, opts.databaseUrl);
  let smallNoopSeconds: number;
  try {
    await upsertOrg(smallStore.db, Organization.parse(demoOrganization({ orgId: BENCH_ORG })));
    await loadDomaBenchData(smallStore, BENCH_ORG, small);
    smallNoopSeconds = (await publishTwice(smallStore, small, opts)).noop.seconds;
    opts.log(`  unchanged re-publish at ${small} receipts: ${smallNoopSeconds.toFixed(3)} s`);
  } finally {
    await smallStore.close();
  }
  return {
    driver,
    receipts: n,
    rawSeconds,
    engineSeconds: full.seconds,
    noopSeconds: noop.seconds,
    noopMutations,
    smallReceipts: small,
    smallNoopSeconds,
  };
}

/** A full publish of the store's `n` receipts to a fresh sandbox, then an unchanged re-publish. */
async function publishTwice(store: Store, n: number, opts: DomaBenchOptions) {
  const rate = (s: number) => `${s.toFixed(2)} s, ${Math.round(n / s)} receipts/s`;
  const houses = Math.ceil(n / FLATS_PER_HOUSE);
  const sandbox = await startChildSandbox(houses, opts.latencyMs);
  const box = new SecretBox(randomBytes(32));
  const engine = await SyncEngine.start({
    store,
    box,
    connectors: new ConnectorRegistry([domaConnector as Connector]),
    mode: 'inline',
  });
  try {
    const conn = await createConnection(store.db, box, BENCH_ORG, {
      platform: 'doma',
      name: 'doma',
      credentials: { email: sandbox.email, password: sandbox.password },
      settings: {
        baseUrl: sandbox.url,
        billingContextId: SeedIds.context,
        organizationId: SeedIds.context,
        // Two requests in flight, as the raw loop keeps: the platform always has the next batch
        // waiting while the engine maps and commits, so neither side idles on the other.
        sync: { retry: { concurrency: ENGINE_CONCURRENCY } },
      },
    });
    const run = async () => {
      const started = performance.now();
      const [queued] = await engine.trigger(BENCH_ORG, {
        connectionId: conn.id,
        kinds: ['receipt'],
        direction: 'outbound',
        trigger: 'bench',
      });
      if (!queued) throw new Error('no run was created');
      const done = await engine.execute(queued.id);
      return { run: done, seconds: (performance.now() - started) / 1000 };
    };
    const full = await run();
    const landed = (await sandbox.state()).counts.receipts;
    if (full.run.state !== 'succeeded' || full.run.sent !== n || landed !== n) {
      throw new Error(
        `the engine did not publish everything: ${full.run.state}, sent ${full.run.sent}, sandbox holds ${landed} (${full.run.lastError ?? 'no error'})`,
      );
    }
    opts.log(
      `  engine (${full.run.requests} requests, ${ENGINE_CONCURRENCY} in flight): ${rate(full.seconds)}`,
    );

    let noopMutations = 0;
    const noop = await fastestOf(NOOP_REPEATS, async () => {
      const writes = (await sandbox.state()).writes.total;
      const once = await run();
      const written = (await sandbox.state()).writes.total - writes;
      noopMutations += written + once.run.requests;
      if (once.run.state !== 'succeeded' || noopMutations !== 0 || once.run.unchanged !== n) {
        throw new Error(
          `the unchanged re-publish was not a no-op: ${once.run.requests} requests, ${written} platform writes, ${once.run.unchanged} of ${n} unchanged`,
        );
      }
      return once;
    });
    opts.log(
      `  unchanged re-publish (fastest of ${NOOP_REPEATS}): ${noop.seconds.toFixed(3)} s, 0 requests, 0 platform writes`,
    );
    return { full, noop, noopMutations };
  } finally {
    await engine.stop();
    await sandbox.close();
  }
}

function report(f: DomaFigures, opts: DomaBenchOptions): void {
  const n = f.receipts;
  opts.log(
    `summary ${f.driver}: engine ${Math.round(n / f.engineSeconds)} receipts/s vs raw intake ${Math.round(n / f.rawSeconds)} receipts/s ` +
      `(${((100 * f.rawSeconds) / f.engineSeconds).toFixed(0)}%, target ≥ 70%); unchanged re-publish: ${f.noopMutations} mutations (target 0)`,
  );
  opts.log(
    benchLine({
      name: 'doma',
      metric: `receipts_per_s_${f.driver}`,
      ours: n / f.engineSeconds,
      limit: n / f.rawSeconds,
      unit: 'receipts/s',
    }),
  );
  opts.log(
    benchLine({
      name: 'doma',
      metric: `noop_seconds_${f.driver}`,
      ours: f.noopSeconds,
      limit: f.engineSeconds,
      unit: 's',
    }),
  );
  opts.log(
    benchLine({
      name: 'doma',
      metric: `noop_growth_${f.driver}`,
      ours: f.noopSeconds,
      limit: f.smallNoopSeconds,
      unit: 's',
    }),
  );
}
