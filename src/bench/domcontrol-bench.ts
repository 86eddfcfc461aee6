import { createHash, randomBytes } from 'node:crypto';
import { demoOrganization } from '../demo/generate-demo.js';
import { type EntityKindName, entityKinds } from '../domain/entity-kinds.js';
import { Organization } from '../domain/model/organization.js';
import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { SyncEngine } from '../engine/sync-engine.js';
import { domcontrolConnector } from '../platforms/domcontrol/client/domcontrol-connector.js';
import { createConnection } from '../store/connection-store.js';
import type { Store } from '../store/open-store.js';
import type { Operation } from '../store/operation-store.js';
import { upsertOrg } from '../store/org-store.js';
import { upsertRecords } from '../store/record-store.js';
import { SecretBox } from '../store/secret-box.js';
import { benchLine } from './bench-line.js';
import { BENCH_ORG, type BenchDriver, openBenchStore } from './deliver-setup.js';
import { buildDomcontrolBodies, postDomcontrolBodies } from './domcontrol-raw.js';
import { type BenchRecords, domcontrolBenchRecords } from './domcontrol-records.js';
import { type RemoteState, startBenchSandbox } from './domcontrol-remote.js';
import { fastestOf, NOOP_REPEATS } from './fastest-of.js';

export interface DomcontrolBenchOptions {
  accounts: number;
  /** Added by the sandbox to every import call, for the raw loop and the engine alike. */
  latencyMs: number;
  /** The sandbox in this process instead of a child process of its own. */
  inProcess?: boolean | undefined;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

export interface DomcontrolFigures {
  driver: BenchDriver;
  records: number;
  rawSeconds: number;
  fullSeconds: number;
  noopSeconds: number;
  /** The unchanged re-sync at a tenth of the accounts, on a store of its own. */
  smallAccounts?: number;
  smallNoopSeconds?: number;
}

/** The streams measured: everything the benchmark's records feed (no transactions). */
const KINDS: EntityKindName[] = ['service', 'account', 'meter', 'reading', 'balance'];
const BATCH = 1000;

/**
 * DomControl delivery end to end (store → engine → connector → sandbox) for `accounts` accounts
 * with a counter, a reading and a balance each, beside the sandbox's raw intake of the same request
 * bodies posted by a bare loop in the same run; then an unchanged re-sync, which must send nothing.
 * The sandbox runs in a process of its own, as a platform does: checking 1000 items per request
 * costs it CPU that would otherwise be taken from the engine's thread (and not from the bare loop's).
 */
export async function runDomcontrolBench(opts: DomcontrolBenchOptions): Promise<DomcontrolFigures[]> {
  if (!Number.isInteger(opts.accounts) || opts.accounts < 1)
    throw new Error('--accounts must be a positive integer');
  if (!Number.isInteger(opts.latencyMs) || opts.latencyMs < 0) throw new Error('--latency-ms must be ≥ 0');
  const records = domcontrolBenchRecords(opts.accounts);
  const sent = KINDS.reduce((n, k) => n + (records[k]?.length ?? 0), 0);
  const bodies = buildDomcontrolBodies(records, BATCH, demoOrganization({ orgId: BENCH_ORG }).name);
  const figures: DomcontrolFigures[] = [];
  for (const driver of opts.databaseUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
    opts.log(
      `domcontrol on ${driver}: ${opts.accounts} accounts → ${sent} records to send, sandbox latency ${opts.latencyMs} ms`,
    );
    const rawSandbox = await startBenchSandbox(opts.latencyMs, opts.inProcess ?? false);
    let rawSeconds: number;
    try {
      rawSeconds = await postDomcontrolBodies(rawSandbox.url, bodies);
      expectHeld(await rawSandbox.state(), opts.accounts, 'raw intake');
    } finally {
      await rawSandbox.close();
    }
    opts.log(`  raw intake (${bodies.length} pre-built requests, bare loop): ${rate(sent, rawSeconds)}`);
    const f = await measureEngine(driver, records, sent, rawSeconds, opts);
    // The same platform at a tenth of the accounts, on a store of its own: how the unchanged path grows.
    const small = Math.max(1, Math.round(opts.accounts / 10));
    const smallRecords = domcontrolBenchRecords(small);
    const smallSent = KINDS.reduce((n, k) => n + (smallRecords[k]?.length ?? 0), 0);
    const at = await measureEngine(driver, smallRecords, smallSent, rawSeconds, { ...opts, accounts: small });
    f.smallAccounts = small;
    f.smallNoopSeconds = at.noopSeconds;
    report(f, opts);
    figures.push(f);
  }
  return figures;
}

async function measureEngine(
  driver: BenchDriver,
  records: BenchRecords,
  sent: number,
  rawSeconds: number,
  opts: DomcontrolBenchOptions,
): Promise<DomcontrolFigures> {
  const store = await openBenchStore(driver, opts.databaseUrl);
  const sandbox = await startBenchSandbox(opts.latencyMs, opts.inProcess ?? false);
  let engine: SyncEngine | undefined;
  try {
    await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: BENCH_ORG })));
    await loadRecords(store, records);
    const box = new SecretBox(randomBytes(32));
    const conn = await createConnection(store.db, box, BENCH_ORG, {
      platform: domcontrolConnector.platform,
      name: 'domcontrol',
      credentials: {},
      settings: { baseUrl: sandbox.url },
    });
    const started = await SyncEngine.start({
      store,
      box,
      connectors: new ConnectorRegistry([domcontrolConnector]),
      mode: 'inline',
    });
    engine = started;
    const full = await timedRun(started, conn.id);
    if (full.run.state !== 'succeeded' || full.run.sent !== sent) {
      throw new Error(
        `full sync: ${full.run.state}, sent ${full.run.sent} of ${sent} (${full.run.lastError ?? ''})`,
      );
    }
    expectHeld(await sandbox.state(), opts.accounts, 'full sync');
    opts.log(`  full sync (engine, ${full.run.requests} requests): ${rate(sent, full.seconds)}`);
    const noop = await fastestOf(NOOP_REPEATS, async () => {
      const before = (await sandbox.state()).stats.requests;
      const once = await timedRun(started, conn.id);
      const requests = (await sandbox.state()).stats.requests - before;
      if (once.run.state !== 'succeeded' || requests !== 0 || once.run.sent !== 0) {
        throw new Error(
          `no-op re-sync was not a no-op: ${once.run.state}, ${requests} requests, ${once.run.sent} sent`,
        );
      }
      return once;
    });
    opts.log(
      `  unchanged re-sync (fastest of ${NOOP_REPEATS}): ${noop.seconds.toFixed(3)} s, 0 requests to DomControl, ${noop.run.unchanged} unchanged`,
    );
    return { driver, records: sent, rawSeconds, fullSeconds: full.seconds, noopSeconds: noop.seconds };
  } finally {
    await engine?.stop();
    await sandbox.close();
    await store.close();
  }
}

/** Writes the records as the API would (not timed). */
async function loadRecords(store: Store, records: BenchRecords): Promise<void> {
  for (const [kind, list] of Object.entries(records) as Array<[EntityKindName, unknown[]]>) {
    const keyOf = entityKinds[kind].keyOf as (r: unknown) => string;
    const prepared = list.map((r) => {
      const json = JSON.stringify(r);
      return { key: keyOf(r), json, hash: createHash('sha256').update(json).digest('base64url') };
    });
    for (let i = 0; i < prepared.length; i += 10_000) {
      await upsertRecords(store.db, BENCH_ORG, kind, prepared.slice(i, i + 10_000));
    }
  }
}

async function timedRun(
  engine: SyncEngine,
  connectionId: string,
): Promise<{ run: Operation; seconds: number }> {
  const t0 = performance.now();
  const [queued] = await engine.trigger(BENCH_ORG, {
    connectionId,
    kinds: KINDS,
    direction: 'outbound',
    trigger: 'bench',
  });
  if (!queued) throw new Error('no run was created');
  const run = await engine.execute(queued.id);
  return { run, seconds: (performance.now() - t0) / 1000 };
}

function expectHeld(state: RemoteState, accounts: number, what: string): void {
  const d = state.directories;
  if (
    d.accounts !== accounts ||
    d.counters !== accounts ||
    d.readings !== accounts ||
    d.balances !== accounts
  ) {
    throw new Error(`${what}: the sandbox holds ${JSON.stringify(d)} for ${accounts} accounts`);
  }
}

const rate = (n: number, s: number) => `${s.toFixed(2)} s, ${Math.round(n / s)} records/s`;

function report(f: DomcontrolFigures, opts: DomcontrolBenchOptions): void {
  opts.log(
    `summary ${f.driver}: engine ${Math.round(f.records / f.fullSeconds)} records/s vs raw intake ` +
      `${Math.round(f.records / f.rawSeconds)} records/s (${((100 * f.rawSeconds) / f.fullSeconds).toFixed(0)}%, target ≥ 70%); ` +
      `unchanged re-sync ${f.noopSeconds.toFixed(2)} s with no requests`,
  );
  opts.log(
    benchLine({
      name: 'domcontrol',
      metric: `records_per_s_${f.driver}`,
      ours: f.records / f.fullSeconds,
      limit: f.records / f.rawSeconds,
      unit: 'records/s',
    }),
  );
  opts.log(
    benchLine({
      name: 'domcontrol',
      metric: `noop_seconds_${f.driver}`,
      ours: f.noopSeconds,
      limit: f.fullSeconds,
      unit: 's',
    }),
  );
  if (f.smallNoopSeconds !== undefined) {
    opts.log(`  unchanged re-sync at ${f.smallAccounts} accounts: ${f.smallNoopSeconds.toFixed(3)} s`);
    opts.log(
      benchLine({
        name: 'domcontrol',
        metric: `noop_growth_${f.driver}`,
        ours: f.noopSeconds,
        limit: f.smallNoopSeconds,
        unit: 's',
      }),
    );
  }
}
