import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { demoOrganization } from '../demo/generate-demo.js';
import { Organization } from '../domain/model/organization.js';
import { buildHub } from '../hub/build-hub.js';
import { refreshContractViews } from '../platforms/is74/client/refresh-contract-views.js';
import { createConnection } from '../store/connection-store.js';
import type { Store } from '../store/open-store.js';
import { upsertOrg } from '../store/org-store.js';
import { upsertRecords } from '../store/record-store.js';
import { prepareRecord } from '../store/record-validation.js';
import { SecretBox } from '../store/secret-box.js';
import { benchLine } from './bench-line.js';
import { type BenchDriver, openBenchStore } from './deliver-setup.js';
import { is74BenchBalance, is74BenchContract, is74BenchUser, loadIs74BenchData } from './is74-bench-data.js';
import { startCountingCore, timeCallbackRuns } from './is74-callback-pass.js';
import { type LoadResult, loadFor, once } from './is74-load.js';

const ORG = 'bench';
const TOKEN = 'bench-provider-token-0123456789';
const SAMPLE = 2000;
/** The first callback run of 100,000 contracts before it became a baseline (README, earlier figure). */
const FIRST_RUN_BEFORE_S = 120.6;
/** Contracts changed (with their balances) for the change run. */
const CHANGED = 1000;

export interface Is74BenchOptions {
  contracts: number;
  seconds: number;
  concurrency: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

export interface Is74Figures {
  driver: BenchDriver;
  ours: number;
  bare: number;
  cold: number;
  firstCallbacks: number;
  firstSeconds: number;
}

/**
 * `/api/contracts?user_id=` of the Data Provider API on `contracts` contracts (two per user), beside a
 * bare route on the same hub answering the same bytes from memory, in the same run: repeated reads
 * (cached), first reads of distinct users (nothing cached), then the callback runs — a new
 * connection's first, an unchanged one, and one after a change of contracts with their balances.
 * PGlite on disk; PostgreSQL too when `databaseUrl` is set.
 */
export async function runIs74Bench(opts: Is74BenchOptions): Promise<Is74Figures[]> {
  const drivers: BenchDriver[] = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const figures: Is74Figures[] = [];
  for (const driver of drivers) {
    opts.log(`is74 on ${driver}: ${opts.contracts} contracts, ${opts.concurrency} connections`);
    const store = await openBenchStore(driver, opts.databaseUrl);
    try {
      figures.push(await measure(store, driver, opts));
    } finally {
      await store.close();
    }
  }
  return figures;
}

async function measure(store: Store, driver: BenchDriver, opts: Is74BenchOptions): Promise<Is74Figures> {
  const box = new SecretBox(randomBytes(32));
  const line = (metric: string, ours: number, limit: number, unit: string) =>
    opts.log(benchLine({ name: 'is74', metric: `${metric}_${driver}`, ours, limit, unit }));
  const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
  let t0 = performance.now();
  await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: ORG })));
  const users = Math.ceil(opts.contracts / 2);
  await loadIs74BenchData(store.db, ORG, opts.contracts, users, box);
  opts.log(`  loaded ${opts.contracts} contracts of ${users} users in ${secs(t0)} s (not measured)`);
  t0 = performance.now();
  await refreshContractViews(store.db);
  opts.log(`  rendered their views in ${secs(t0)} s (not measured)`);

  const core = await startCountingCore();
  const conn = await createConnection(store.db, box, ORG, {
    platform: 'is74',
    name: 'is74',
    credentials: { token: TOKEN, callbackUser: 'core', callbackPassword: 'core-secret' },
    settings: { coreUrl: core.url, syncOnChange: false },
  });
  const app = await buildHub({ store, box });
  try {
    // The limit: the same answers, already rendered, from memory on a route of the same server.
    const rendered = new Map<string, string>();
    app.get('/bare/api/contracts', { config: { public: true } }, (req, reply) => {
      const body = rendered.get((req.query as { user_id: string }).user_id);
      return reply.type('application/json; charset=utf-8').send(body);
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const served = `${base}/p/is74/${conn.id}`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    // At most half the users: the other half are read once each, cold.
    const sample = Math.min(SAMPLE, Math.floor(users / 2));
    const ids = Array.from({ length: sample }, (_, i) => is74BenchUser(Math.floor((i * users) / sample)));
    for (const id of ids) {
      const res = await fetch(`${served}/api/contracts?user_id=${id}`, { headers });
      rendered.set(id, await res.text());
    }
    const agent = new Agent({ keepAlive: true });
    const path0 = `/api/contracts?user_id=${ids[0]}`;
    const same =
      (await once(agent, new URL(served), path0, headers)) ===
      (await once(agent, new URL(`${base}/bare`), path0, headers));
    agent.destroy();
    if (!same) throw new Error('the bare route does not answer the same bytes');

    const pathOf = (i: number) => `/api/contracts?user_id=${ids[i % ids.length]}`;
    const run = (url: string, seconds: number) =>
      loadFor({ base: url, pathOf, headers, concurrency: opts.concurrency, seconds });
    // First reads: users outside the sample, each asked once (across both rounds), so every answer
    // is read from the store.
    let nextCold = sample;
    const coldRun = async (seconds: number) => {
      const from = nextCold;
      const result = await loadFor({
        base: served,
        pathOf: (i) => `/api/contracts?user_id=${is74BenchUser(from + i)}`,
        headers,
        concurrency: opts.concurrency,
        seconds,
        maxRequests: users - from,
      });
      nextCold += result.requests;
      return result;
    };
    await run(`${base}/bare`, 1);
    await run(served, 1);
    // Interleaved rounds, so drift of a shared machine falls on all three alike.
    const bare: LoadResult[] = [];
    const ours: LoadResult[] = [];
    const colds: LoadResult[] = [];
    for (let round = 0; round < 2; round++) {
      bare.push(await run(`${base}/bare`, opts.seconds / 2));
      ours.push(await run(served, opts.seconds / 2));
      colds.push(await coldRun(opts.seconds / 2));
    }
    const rps = (xs: typeof bare) => xs.reduce((s, x) => s + x.rps, 0) / xs.length;
    const p99 = (xs: typeof bare) => Math.max(...xs.map((x) => x.p99Ms));
    opts.log(
      `  bare: ${rps(bare).toFixed(0)} req/s, p99 ${p99(bare).toFixed(2)} ms; ours: ${rps(ours).toFixed(0)} req/s, p99 ${p99(ours).toFixed(2)} ms`,
    );
    line('contracts_by_user_rps', rps(ours), rps(bare), 'req/s');
    line('contracts_by_user_p99', p99(ours), p99(bare), 'ms');
    const cold = rps(colds);
    opts.log(
      `  first reads (nothing cached): ${cold.toFixed(0)} req/s, p99 ${p99(colds).toFixed(2)} ms over ${colds.reduce((n, c) => n + c.requests, 0)} distinct users`,
    );
    line('cold_req_per_s', cold, rps(bare), 'req/s');

    const changed = Math.min(CHANGED, opts.contracts - (opts.contracts % 2));
    const runs = await timeCallbackRuns(store, box, ORG, conn.id, core, async () => {
      // A contract and its balance both change: one change of what the core reads of it.
      const list = Array.from({ length: changed }, (_, i) => i);
      await upsertRecords(
        store.db,
        ORG,
        'contract',
        list.map((i) => prepareRecord(`c${i}`, is74BenchContract(i, 'suspended'))),
      );
      await upsertRecords(
        store.db,
        ORG,
        'balance',
        list.map((i) => is74BenchBalance(i, '2025-02-01', 50_000)),
      );
    });
    opts.log(
      `  callback runs: first ${runs.first.seconds.toFixed(2)} s (${runs.first.callbacks} callbacks, ${runs.first.state}); unchanged ${runs.noop.seconds.toFixed(2)} s (${runs.noop.callbacks}); after ${changed} contracts and their balances changed ${runs.changed.seconds.toFixed(2)} s (${runs.changed.callbacks} callbacks)`,
    );
    line('first_callbacks', runs.first.callbacks, opts.contracts, 'callbacks');
    line('first_run_seconds', runs.first.seconds, FIRST_RUN_BEFORE_S, 's');
    line('change_callbacks', runs.changed.callbacks, changed, 'callbacks');
    return {
      driver,
      ours: rps(ours),
      bare: rps(bare),
      cold,
      firstCallbacks: runs.first.callbacks,
      firstSeconds: runs.first.seconds,
    };
  } finally {
    await app.close();
    await core.close();
  }
}
