import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { demoOrganization } from '../demo/generate-demo.js';
import { Organization } from '../domain/model/organization.js';
import { buildHub } from '../hub/build-hub.js';
import { openScratchStore } from '../store/open-scratch-store.js';
import { upsertOrg } from '../store/org-store.js';
import { createToken } from '../store/token-store.js';
import type { ApiLoaded, ApiLoadPlan, ApiPrepared, ApiRoute } from './api-load.js';
import { benchLine } from './bench-line.js';
import type { BenchDriver } from './deliver-setup.js';

export interface ApiBenchOptions {
  records: number;
  clients: number;
  seconds: number;
  batch: number;
  idleSamples: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

export interface ApiFigures {
  driver: BenchDriver;
  requestsPerSecond: number;
  ceilingPerSecond: number;
  /** p99 latency (ms) of each route idle and under the mixed load. */
  p99: Record<ApiRoute, { idle: number; load: number }>;
  requests: Record<ApiRoute, number>;
}

const ORG = 'bench';

/**
 * A hub on loopback under mixed load — single-record and page reads beside bulk writes of `batch`
 * records, from `clients` clients — against the same routes idle, and `/healthz` throughout. The
 * hub (and its store's thread) runs here; the clients, and the `/healthz` probe, each run in a
 * thread of their own (api-load.ts).
 * PGlite (on disk, as `serve` keeps it) always; PostgreSQL too when `databaseUrl` is set.
 */
export async function runApiBench(opts: ApiBenchOptions): Promise<ApiFigures[]> {
  for (const [name, v] of Object.entries({ records: opts.records, clients: opts.clients, batch: opts.batch }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  if (!(opts.seconds > 0)) throw new Error('--seconds must be positive');
  const drivers: BenchDriver[] = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const figures: ApiFigures[] = [];
  for (const driver of drivers) {
    opts.log(
      `api on ${driver}: ${opts.records} services seeded, ${opts.clients} clients for ${opts.seconds} s ` +
        `(¼ bulk writes of ${opts.batch}, ¼ pages of 100, ½ single records) and, from a thread of its own, a /healthz probe every 10 ms`,
    );
    const store =
      driver === 'pglite'
        ? await openScratchStore({ driver: 'pglite', onDisk: true })
        : // The pool `serve` opens by default.
          await openScratchStore({ driver: 'postgres', serverUrl: opts.databaseUrl!, poolSize: 10 });
    try {
      await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: ORG })));
      const { token } = await createToken(store.db, { orgId: ORG, name: 'bench' });
      const app = await buildHub({ store, box: undefined, startBulkThreads: true }); // as `serve` does
      try {
        const url = await app.listen({ host: '127.0.0.1', port: 0 });
        const plan: ApiLoadPlan = {
          role: 'prepare',
          url,
          token,
          org: ORG,
          records: opts.records,
          clients: opts.clients,
          seconds: opts.seconds,
          batch: opts.batch,
          idleSamples: opts.idleSamples,
        };
        const prepared = await inThread<ApiPrepared>(plan);
        // The clients and the probe start together once both threads are up (a thread starts in
        // well under a second).
        const from = Date.now() + 1000;
        const until = from + opts.seconds * 1000;
        const [loaded, probed] = await Promise.all([
          inThread<ApiLoaded>({ ...plan, role: 'clients', from, until }),
          inThread<ApiLoaded>({ ...plan, role: 'probe', from, until }),
        ]);
        const result = { ...prepared, ...loaded, load: { ...loaded.load, health: probed.load.health } };
        const f = figuresOf(driver, result);
        opts.log(`  seeded ${opts.records} services through the API in ${result.seedSeconds.toFixed(1)} s`);
        report(f, opts);
        figures.push(f);
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  }
  return figures;
}

/** Runs one role of api-load.ts in a thread of its own and answers what it measured. */
function inThread<T>(plan: ApiLoadPlan): Promise<T> {
  // From the source (tests) the thread runs the .ts file, by Node's type stripping.
  const file = new URL(`./api-load${extname(new URL(import.meta.url).pathname)}`, import.meta.url);
  const worker = new Worker(file, { workerData: plan });
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (m: { result?: T; error?: string }) =>
      m.result ? resolve(m.result) : reject(new Error(`bench api clients: ${m.error}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`bench api clients stopped (exit ${code})`)));
  }).finally(() => worker.terminate());
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ROUTES: ApiRoute[] = ['health', 'read', 'page', 'bulk'];

function figuresOf(driver: BenchDriver, r: ApiPrepared & ApiLoaded): ApiFigures {
  const counted = (['read', 'page', 'bulk'] as const).reduce((n, route) => n + r.load[route].length, 0);
  const p99 = {} as ApiFigures['p99'];
  const requests = {} as ApiFigures['requests'];
  for (const route of ROUTES) {
    p99[route] = { idle: percentile(r.idle[route], 99), load: percentile(r.load[route], 99) };
    requests[route] = r.load[route].length;
  }
  return {
    driver,
    requestsPerSecond: counted / r.loadSeconds,
    ceilingPerSecond: r.ceilingPerSecond,
    p99,
    requests,
  };
}

const ROUTE_NAMES: Record<ApiRoute, string> = {
  health: '/healthz',
  read: 'single record',
  page: 'page of 100',
  bulk: 'bulk write',
};

function report(f: ApiFigures, opts: ApiBenchOptions): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  opts.log(
    `  mixed load: ${Math.round(f.requestsPerSecond)} requests/s ` +
      `(${f.requests.read} single, ${f.requests.page} pages, ${f.requests.bulk} bulk writes = ` +
      `${Math.round((f.requests.bulk * opts.batch) / opts.seconds)} records/s written); ` +
      `/healthz alone ${Math.round(f.ceilingPerSecond)} requests/s`,
  );
  for (const route of ROUTES)
    opts.log(
      `  p99 ${ROUTE_NAMES[route]}: ${ms(f.p99[route].load)} under load, ${ms(f.p99[route].idle)} idle`,
    );
  opts.log(
    `summary ${f.driver}: /healthz p99 ${ms(f.p99.health.load)} under load (goal ≤ 20 ms), ` +
      `single-record read p99 ${ms(f.p99.read.load)} while bulk writes run (goal ≤ 50 ms)`,
  );
  opts.log(
    benchLine({
      name: 'api',
      metric: `mixed_req_per_s_${f.driver}`,
      ours: f.requestsPerSecond,
      limit: f.ceilingPerSecond,
      unit: 'req/s',
    }),
  );
  for (const route of ROUTES)
    opts.log(
      benchLine({
        name: 'api',
        metric: `${route}_p99_ms_${f.driver}`,
        ours: f.p99[route].load,
        limit: f.p99[route].idle,
        unit: 'ms',
      }),
    );
}
