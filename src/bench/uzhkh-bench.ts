import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { demoOrganization } from '../demo/generate-demo.js';
import { Organization } from '../domain/model/organization.js';
import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { SyncEngine } from '../engine/sync-engine.js';
import { uzhkhConnector } from '../platforms/uzhkh/client/uzhkh-connector.js';
import { startUzhkhSandbox, type UzhkhSandbox } from '../platforms/uzhkh/sandbox/start-uzhkh-sandbox.js';
import { createConnection } from '../store/connection-store.js';
import type { Store } from '../store/open-store.js';
import { upsertOrg } from '../store/org-store.js';
import { queryRows } from '../store/query-rows.js';
import { SecretBox } from '../store/secret-box.js';
import { benchLine } from './bench-line.js';
import { BENCH_ORG, type BenchDriver, openBenchStore } from './deliver-setup.js';
import { rawDrain } from './uzhkh-raw-drain.js';

export interface UzhkhBenchOptions {
  records: number;
  /** Added by the sandbox to every platform call, for the raw client and the engine alike. */
  latencyMs: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

export interface UzhkhFigures {
  driver: BenchDriver;
  rawPerSecond: number;
  enginePerSecond: number;
}

/**
 * The connector's page size, and the platform's answer size for both clients, so both drain the same
 * way; the connector's default Delete concurrency.
 */
const PAGE = 2000;
const DELETE_CONCURRENCY = 16;

/** A sandbox with 1,000 flats (3,000 meters) and `records` readings queued; not timed. */
async function loadedSandbox(opts: UzhkhBenchOptions): Promise<UzhkhSandbox> {
  const sandbox = await startUzhkhSandbox({ requestsLimit: PAGE });
  sandbox.seedHouses(10, 100);
  sandbox.act().queueReadings(opts.records);
  sandbox.setFaults({ latencyMs: opts.latencyMs });
  return sandbox;
}

/**
 * Drains `records` queued change records (meter snapshots with a new reading each) from the
 * sandbox: first by a bare client pulling and deleting (the raw serving rate), then through the
 * engine and the connector into the store's inbox, Delete after each page's commit. PGlite always,
 * PostgreSQL too when `databaseUrl` is set.
 */
export async function runUzhkhBench(opts: UzhkhBenchOptions): Promise<UzhkhFigures[]> {
  if (!Number.isInteger(opts.records) || opts.records < 1)
    throw new Error('--records must be a positive integer');
  if (!Number.isInteger(opts.latencyMs) || opts.latencyMs < 0) throw new Error('--latency-ms must be ≥ 0');
  const drivers: BenchDriver[] = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const figures: UzhkhFigures[] = [];
  for (const driver of drivers) {
    opts.log(
      `uzhkh on ${driver}: drain ${opts.records} queued change records, sandbox latency ${opts.latencyMs} ms`,
    );
    const raw = await loadedSandbox(opts);
    let rawSeconds: number;
    try {
      const started = performance.now();
      const drained = await rawDrain({ url: raw.url, token: raw.token, concurrency: DELETE_CONCURRENCY });
      rawSeconds = (performance.now() - started) / 1000;
      if (drained !== opts.records)
        throw new Error(`raw drain took ${drained} records, expected ${opts.records}`);
    } finally {
      await raw.close();
    }
    const engineSeconds = await engineDrain(driver, opts);
    const f = {
      driver,
      rawPerSecond: opts.records / rawSeconds,
      enginePerSecond: opts.records / engineSeconds,
    };
    opts.log(`  raw client ${rawSeconds.toFixed(2)} s, engine ${engineSeconds.toFixed(2)} s`);
    opts.log(
      benchLine({
        name: `uzhkh_${driver}_latency${opts.latencyMs}`,
        metric: 'queue_records_per_s',
        ours: Math.round(f.enginePerSecond),
        limit: Math.round(f.rawPerSecond),
        unit: 'records/s',
      }),
    );
    figures.push(f);
  }
  return figures;
}

async function engineDrain(driver: BenchDriver, opts: UzhkhBenchOptions): Promise<number> {
  const sandbox = await loadedSandbox(opts);
  const store = await openBenchStore(driver, opts.databaseUrl);
  let engine: SyncEngine | undefined;
  try {
    await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: BENCH_ORG })));
    const box = new SecretBox(randomBytes(32));
    const conn = await createConnection(store.db, box, BENCH_ORG, {
      platform: 'uzhkh',
      name: 'uzhkh',
      credentials: { token: sandbox.token },
      settings: {
        baseUrl: sandbox.url,
        fullDownload: false,
        pageSize: PAGE,
        deleteConcurrency: DELETE_CONCURRENCY,
      },
    });
    engine = await SyncEngine.start({
      store,
      box,
      connectors: new ConnectorRegistry([uzhkhConnector]),
      mode: 'inline',
    });
    const [run] = await engine.trigger(BENCH_ORG, {
      connectionId: conn.id,
      direction: 'inbound',
      trigger: 'bench',
    });
    const started = performance.now();
    const done = await engine.execute(run!.id);
    const seconds = (performance.now() - started) / 1000;
    const readings = await countReadings(store);
    if (done.state !== 'succeeded' || readings !== opts.records || sandbox.world().queue.length !== 0) {
      throw new Error(
        `engine drain: run ${done.state}, ${readings} readings landed, ${sandbox.world().queue.length} left: ${done.lastError ?? ''}`,
      );
    }
    return seconds;
  } finally {
    await engine?.stop();
    await sandbox.close();
    await store.close();
  }
}

async function countReadings(store: Store): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(
    store.db,
    sql`SELECT count(*) AS n FROM inbox WHERE kind = 'reading'`,
  );
  return Number(rows[0]?.n ?? 0);
}
