import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { directSink } from '../cli/import/direct-sink.js';
import { importPaths } from '../cli/import/import-files.js';
import { ProgressReporter } from '../cli/progress-reporter.js';
import { demoOrganization } from '../demo/generate-demo.js';
import { entityKinds } from '../domain/entity-kinds.js';
import { Organization } from '../domain/model/organization.js';
import { buildHub } from '../hub/build-hub.js';
import { openScratchStore } from '../store/open-scratch-store.js';
import type { Store } from '../store/open-store.js';
import { upsertOrg } from '../store/org-store.js';
import { createToken } from '../store/token-store.js';
import { benchLine } from './bench-line.js';
import { benchReceipts } from './bench-receipts.js';
import { RssSampler } from './rss-sampler.js';

export interface IngestBenchOptions {
  accounts: number;
  /** Records per API request (the API allows up to 10,000). */
  batch: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

type Driver = 'pglite' | 'postgres';

interface Phase {
  seconds: number;
  rssMiB: number;
}

async function freshStore(driver: Driver, opts: IngestBenchOptions): Promise<Store> {
  const store =
    driver === 'pglite'
      ? await openScratchStore({ driver: 'pglite', onDisk: true })
      : await openScratchStore({ driver: 'postgres', serverUrl: opts.databaseUrl! });
  await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: 'bench' })));
  return store;
}

async function timed(fn: () => Promise<void>): Promise<Phase> {
  const rss = new RssSampler().start();
  const t0 = performance.now();
  await fn();
  return { seconds: (performance.now() - t0) / 1000, rssMiB: rss.stop() };
}

/** The raw ceiling: the same canonical rows, pre-built, in plain multi-row INSERTs. */
async function rawInsert(driver: Driver, opts: IngestBenchOptions): Promise<Phase> {
  const rows: { key: string; json: string; hash: string }[] = [];
  for (const input of benchReceipts(opts.accounts)) {
    const data = entityKinds.receipt.schema.parse(input);
    const json = JSON.stringify(data);
    rows.push({
      key: entityKinds.receipt.keyOf(data),
      json,
      hash: createHash('sha256').update(json).digest('base64url'),
    });
  }
  const store = await freshStore(driver, opts);
  try {
    return await timed(async () => {
      for (let i = 0; i < rows.length; i += 1000) {
        const values = rows
          .slice(i, i + 1000)
          .map((r) => sql`('bench', 'receipt', ${r.key}, ${r.json}::jsonb, ${r.hash})`);
        await store.db.execute(
          sql`INSERT INTO records (org_id, kind, key, data, hash) VALUES ${sql.join(values, sql`, `)}`,
        );
      }
    });
  } finally {
    await store.close();
  }
}

/** The real path: HTTP requests of `batch` receipts into the hub on loopback, answered per record. */
async function throughApi(driver: Driver, opts: IngestBenchOptions): Promise<Phase & { rejected: number }> {
  const bodies: string[] = [];
  let batch: unknown[] = [];
  for (const r of benchReceipts(opts.accounts)) {
    batch.push(r);
    if (batch.length === opts.batch) {
      bodies.push(JSON.stringify(batch));
      batch = [];
    }
  }
  if (batch.length) bodies.push(JSON.stringify(batch));
  const store = await freshStore(driver, opts);
  const app = await buildHub({ store, box: undefined });
  let rejected = 0;
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const { token } = await createToken(store.db, { orgId: 'bench', name: 'bench' });
    const phase = await timed(async () => {
      for (const body of bodies) {
        const res = await fetch(`${url}/v1/orgs/bench/receipts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        if (res.status !== 200) throw new Error(`hub answered ${res.status}: ${await res.text()}`);
        rejected += ((await res.json()) as { rejected: number }).rejected;
      }
    });
    return { ...phase, rejected };
  } finally {
    await app.close();
    await store.close();
  }
}

/** `import` of an NDJSON file (written beforehand, not timed) straight into the store. */
async function throughImport(
  driver: Driver,
  opts: IngestBenchOptions,
): Promise<Phase & { rejected: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'zb-bench-'));
  const file = join(dir, 'receipts.ndjson');
  const out = createWriteStream(file);
  for (const r of benchReceipts(opts.accounts)) {
    if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const store = await freshStore(driver, opts);
  let rejected = 0;
  try {
    const phase = await timed(async () => {
      const result = await importPaths([file], {
        sink: directSink(store, 'bench'),
        batchSize: opts.batch,
        progress: new ProgressReporter({ enabled: false }),
      });
      rejected = result.total.rejected;
    });
    return { ...phase, rejected };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runIngestBench(opts: IngestBenchOptions): Promise<void> {
  const drivers: Driver[] = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const n = opts.accounts;
  for (const driver of drivers) {
    opts.log(`ingest on ${driver}: ${n} receipts × 12 service lines`);
    const raw = await rawInsert(driver, opts);
    const rawRate = n / raw.seconds;
    const describe = (label: string, p: Phase) =>
      opts.log(
        `  ${label}: ${p.seconds.toFixed(1)} s, ${Math.round(n / p.seconds)} records/s, peak RSS ${p.rssMiB} MiB`,
      );
    describe('raw multi-row INSERT', raw);
    const paths: Array<
      [string, string, (d: Driver, o: IngestBenchOptions) => Promise<Phase & { rejected: number }>]
    > = [
      ['api', `bulk API (${opts.batch}/request)`, throughApi],
      ['import', 'import of NDJSON', throughImport],
    ];
    for (const [metric, label, run] of paths) {
      const phase = await run(driver, opts);
      if (phase.rejected)
        throw new Error(`${phase.rejected} bench records were rejected: the bench data is wrong`);
      describe(label, phase);
      const name = 'ingest';
      opts.log(
        benchLine({
          name,
          metric: `${driver}_${metric}_records_per_s`,
          ours: n / phase.seconds,
          limit: rawRate,
          unit: 'records/s',
        }),
      );
      opts.log(
        benchLine({
          name,
          metric: `${driver}_${metric}_peak_rss`,
          ours: phase.rssMiB,
          limit: raw.rssMiB,
          unit: 'MiB',
        }),
      );
    }
  }
}
