import { startTestbed } from '../platforms/testbed/sandbox/start-testbed.js';
import type { Operation } from '../store/operation-store.js';
import { benchLine } from './bench-line.js';
import { buildItemBodies, postBodies } from './deliver-raw.js';
import { benchServices } from './deliver-services.js';
import { BENCH_ORG, type BenchDriver, type DeliverSetup, startDeliverSetup } from './deliver-setup.js';
import { fastestOf, NOOP_REPEATS } from './fastest-of.js';

export interface DeliverBenchOptions {
  records: number;
  /** Added by the testbed to every call (login included), for the raw loop and the engine alike. */
  latencyMs: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

/** Figures of one store, as the BENCH lines report them. */
export interface DeliverFigures {
  driver: BenchDriver;
  rawSeconds: number;
  fullSeconds: number;
  noopSeconds: number;
  /** The no-op re-sync at a tenth of the records, on a store of its own. */
  smallRecords?: number;
  smallNoopSeconds?: number;
}

const KIND = 'service';
/** The testbed's batch limit, and so the connector's batch size. */
const BATCH = 1000;

/**
 * Outbound delivery end to end (store → engine → testbed connector → sandbox) beside the sandbox's
 * raw intake of the very same request bodies posted by a bare loop, and the cost of an unchanged
 * re-sync against the full one. PGlite always, PostgreSQL too when `databaseUrl` is set.
 */
export async function runDeliverBench(opts: DeliverBenchOptions): Promise<DeliverFigures[]> {
  if (!Number.isInteger(opts.records) || opts.records < 1)
    throw new Error('--records must be a positive integer');
  if (!Number.isInteger(opts.latencyMs) || opts.latencyMs < 0) throw new Error('--latency-ms must be ≥ 0');
  const drivers: BenchDriver[] = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const records = benchServices(opts.records);
  const figures: DeliverFigures[] = [];
  for (const driver of drivers) {
    opts.log(`deliver on ${driver}: ${opts.records} service records, testbed latency ${opts.latencyMs} ms`);
    const setup = await startDeliverSetup({
      driver,
      databaseUrl: opts.databaseUrl,
      kind: KIND,
      records,
      testbed: { latencyMs: opts.latencyMs },
    });
    let f: DeliverFigures;
    try {
      f = await measure(setup, driver, opts);
    } finally {
      await setup.close();
    }
    // The same platform at a tenth of the records, on a store of its own: how the no-op grows.
    const small = Math.max(1, Math.round(opts.records / 10));
    const smallSetup = await startDeliverSetup({
      driver,
      databaseUrl: opts.databaseUrl,
      kind: KIND,
      records: benchServices(small),
      testbed: { latencyMs: opts.latencyMs },
    });
    try {
      await timedRun(smallSetup);
      f.smallRecords = small;
      f.smallNoopSeconds = (await fastestOf(NOOP_REPEATS, () => noopRun(smallSetup, small))).seconds;
    } finally {
      await smallSetup.close();
    }
    report(f, opts);
    figures.push(f);
  }
  return figures;
}

async function measure(
  setup: DeliverSetup,
  driver: BenchDriver,
  opts: DeliverBenchOptions,
): Promise<DeliverFigures> {
  const n = opts.records;
  const rate = (s: number) => `${s.toFixed(2)} s, ${Math.round(n / s)} records/s`;

  const bodies = await buildItemBodies(setup.store, BENCH_ORG, KIND, BATCH);
  const rawBed = await startTestbed({ latencyMs: opts.latencyMs });
  let rawSeconds: number;
  try {
    rawSeconds = await postBodies(rawBed.url, { user: rawBed.user, password: rawBed.password }, KIND, bodies);
    const held = rawBed.items(KIND).size;
    if (held !== n) throw new Error(`raw intake: the sandbox holds ${held} of ${n} items`);
  } finally {
    await rawBed.close();
  }
  opts.log(`  raw intake (${bodies.length} pre-built requests, bare loop): ${rate(rawSeconds)}`);

  const full = await timedRun(setup);
  const held = setup.testbed.items(KIND).size;
  if (full.run.state !== 'succeeded' || full.run.sent !== n || held !== n) {
    throw new Error(
      `full sync did not deliver everything: state ${full.run.state}, sent ${full.run.sent}, ` +
        `sandbox holds ${held} of ${n} (${full.run.lastError ?? 'no error'})`,
    );
  }
  opts.log(`  full sync (engine, ${full.run.requests} requests): ${rate(full.seconds)}`);

  const noop = await fastestOf(NOOP_REPEATS, () => noopRun(setup, n));
  opts.log(
    `  no-op re-sync (fastest of ${NOOP_REPEATS}): ${noop.seconds.toFixed(3)} s (${((100 * noop.seconds) / full.seconds).toFixed(1)}% of the full sync)`,
  );
  return { driver, rawSeconds, fullSeconds: full.seconds, noopSeconds: noop.seconds };
}

/** A re-sync with nothing changed, checked to send nothing and to count every record unchanged. */
async function noopRun(setup: DeliverSetup, n: number): Promise<{ run: Operation; seconds: number }> {
  const writesBefore = setup.testbed.stats.writeRequests;
  const noop = await timedRun(setup);
  const writes = setup.testbed.stats.writeRequests - writesBefore;
  if (noop.run.state !== 'succeeded' || writes !== 0 || noop.run.unchanged !== n) {
    throw new Error(
      `no-op re-sync was not a no-op: state ${noop.run.state}, ${writes} write requests, ` +
        `${noop.run.unchanged} of ${n} unchanged (${noop.run.lastError ?? 'no error'})`,
    );
  }
  return noop;
}

/** One run of the connection's `service` stream, triggered and executed inline; both are timed. */
async function timedRun(setup: DeliverSetup): Promise<{ run: Operation; seconds: number }> {
  const t0 = performance.now();
  const [queued] = await setup.engine.trigger(BENCH_ORG, {
    connectionId: setup.connectionId,
    kinds: [KIND],
    direction: 'outbound',
    trigger: 'bench',
  });
  if (!queued) throw new Error('no run was created');
  const run = await setup.engine.execute(queued.id);
  return { run, seconds: (performance.now() - t0) / 1000 };
}

function report(f: DeliverFigures, opts: DeliverBenchOptions): void {
  const n = opts.records;
  opts.log(
    `summary ${f.driver}: engine ${Math.round(n / f.fullSeconds)} records/s vs raw intake ${Math.round(n / f.rawSeconds)} records/s ` +
      `(${((100 * f.rawSeconds) / f.fullSeconds).toFixed(0)}%, target ≥ 70%); ` +
      `no-op re-sync ${f.noopSeconds.toFixed(3)} s = ${((100 * f.noopSeconds) / f.fullSeconds).toFixed(1)}% of the full sync (target ≤ 5%)`,
  );
  opts.log(
    benchLine({
      name: 'deliver',
      metric: `records_per_s_${f.driver}`,
      ours: n / f.fullSeconds,
      limit: n / f.rawSeconds,
      unit: 'records/s',
    }),
  );
  opts.log(
    benchLine({
      name: 'deliver',
      metric: `noop_seconds_${f.driver}`,
      ours: f.noopSeconds,
      limit: f.fullSeconds,
      unit: 's',
    }),
  );
  if (f.smallNoopSeconds !== undefined) {
    opts.log(`  no-op re-sync at ${f.smallRecords} records: ${f.smallNoopSeconds.toFixed(3)} s`);
    opts.log(
      benchLine({
        name: 'deliver',
        metric: `noop_growth_${f.driver}`,
        ours: f.noopSeconds,
        limit: f.smallNoopSeconds,
        unit: 's',
      }),
    );
  }
}
