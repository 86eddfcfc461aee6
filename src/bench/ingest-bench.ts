import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchLine } from './bench-line.js';
import { benchReceipts } from './bench-receipts.js';
import type { PhaseResult } from './ingest-phases.js';
import { runPhaseChild } from './run-phase-child.js';
import { write1cExport } from './write-1c-export.js';

export interface IngestBenchOptions {
  accounts: number;
  /** Records per API request (the API allows up to 10,000). */
  batch: number;
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}

type Driver = 'pglite' | 'postgres';

interface Measured {
  seconds: number;
  rssMiB: number;
}

/** Posts pre-built request bodies back to back and returns the wall time; bodies are built untimed. */
async function postAll(url: string, token: string, opts: IngestBenchOptions): Promise<number> {
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
  const t0 = performance.now();
  for (const body of bodies) {
    const res = await fetch(`${url}/v1/orgs/bench/receipts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 200) throw new Error(`hub answered ${res.status}: ${await res.text()}`);
    const rejected = ((await res.json()) as { rejected: number }).rejected;
    if (rejected) throw new Error(`${rejected} bench records were rejected: the bench data is wrong`);
  }
  return (performance.now() - t0) / 1000;
}

async function writeNdjson(file: string, accounts: number): Promise<void> {
  const out = createWriteStream(file);
  for (const r of benchReceipts(accounts)) {
    if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Receipts through the bulk API and through `import`, beside a raw multi-row INSERT of the same rows
 * into the same kind of database. Every phase runs in its own process on a fresh store, so each peak
 * RSS is that phase's alone (for the API: the hub process, not the client posting to it).
 */
export async function runIngestBench(opts: IngestBenchOptions): Promise<void> {
  const drivers: Driver[] = opts.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const n = opts.accounts;
  const dir = mkdtempSync(join(tmpdir(), 'zb-bench-'));
  const file = join(dir, 'receipts.ndjson');
  const export1c = join(dir, '1c');
  const same = join(dir, '1c-as-ndjson');
  try {
    await writeNdjson(file, n);
    const records1c = await write1cExport(export1c, same, n);
    for (const driver of drivers) {
      const common = ['--driver', driver, '--accounts', String(n), '--batch', String(opts.batch)];
      opts.log(`ingest on ${driver}: ${n} receipts × 12 service lines`);
      const describe = (label: string, m: Measured) =>
        opts.log(
          `  ${label}: ${m.seconds.toFixed(1)} s, ${Math.round(n / m.seconds)} records/s, peak RSS ${m.rssMiB} MiB`,
        );

      const raw = (await runPhaseChild(['raw', ...common])) as Measured;
      describe('raw multi-row INSERT', raw);

      let apiSeconds = 0;
      const hub = await runPhaseChild(['hub', ...common], async ({ url, token }) => {
        apiSeconds = await postAll(url!, token!, opts);
      });
      const api = { seconds: apiSeconds, rssMiB: hub.rssMiB };
      describe(`bulk API (${opts.batch}/request; RSS of the hub process)`, api);

      const imp = await runPhaseChild(['import', ...common, '--file', file]);
      if (imp.rejected) throw new Error(`${imp.rejected} bench records were rejected by import`);
      describe('import of NDJSON', imp as Measured);

      // A flat 1С export (accounts with their address, receipts one row per line) through `import`,
      // beside an NDJSON import of the very records it makes: what the mapping costs.
      // Run in the order A B B A and the faster of each kept: on a shared machine the load moves
      // within minutes, and this is a comparison of two phases.
      const importOf = async (path: string) => {
        const m = await runPhaseChild(['import', ...common, '--file', path]);
        if (m.rejected || m.records !== records1c) {
          throw new Error(
            `import of ${path}: ${m.records} records, ${m.rejected} rejected; expected ${records1c}, none rejected`,
          );
        }
        return m;
      };
      const fastest = (a: PhaseResult, b: PhaseResult) => (a.seconds! <= b.seconds! ? a : b);
      const sameFirst = await importOf(same);
      const flat1c = fastest(await importOf(export1c), await importOf(export1c));
      const sameNdjson = fastest(sameFirst, await importOf(same));
      for (const [label, m] of [
        ['import of the same records as NDJSON', sameNdjson],
        ['import of the 1С export', flat1c],
      ] as const) {
        opts.log(
          `  ${label} (houses, premises, accounts, receipts; faster of two): ${m.seconds!.toFixed(1)} s, ${Math.round(records1c / m.seconds!)} records/s, peak RSS ${m.rssMiB} MiB`,
        );
      }

      const name = 'ingest';
      for (const [metric, m] of [
        ['api', api],
        ['import', imp as Measured],
      ] as const) {
        opts.log(
          benchLine({
            name,
            metric: `${driver}_${metric}_records_per_s`,
            ours: n / m.seconds,
            limit: n / raw.seconds,
            unit: 'records/s',
          }),
        );
        opts.log(
          benchLine({
            name,
            metric: `${driver}_${metric}_peak_rss`,
            ours: m.rssMiB,
            limit: raw.rssMiB,
            unit: 'MiB',
          }),
        );
      }
      opts.log(
        benchLine({
          name,
          metric: `import_1c_records_per_s_${driver}`,
          ours: records1c / flat1c.seconds!,
          limit: records1c / sameNdjson.seconds!,
          unit: 'records/s',
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
