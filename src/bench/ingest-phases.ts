import { createHash } from 'node:crypto';
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
import { benchReceipts } from './bench-receipts.js';

/**
 * The measured side of the ingest benchmark. Each phase runs in a child process of its own so that
 * its peak RSS is its own, and prints one `RESULT {json}` line for the parent.
 */
export interface PhaseFlags {
  driver: 'pglite' | 'postgres';
  accounts: number;
  file?: string | undefined;
  batch: number;
}

export interface PhaseResult {
  seconds?: number;
  /** Records the import read (an import of a directory or of a flat 1С export). */
  records?: number;
  rejected?: number;
  rssMiB: number;
}

const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function freshStore(driver: PhaseFlags['driver']): Promise<Store> {
  const store =
    driver === 'pglite'
      ? await openScratchStore({ driver: 'pglite', onDisk: true })
      : await openScratchStore({ driver: 'postgres', serverUrl: process.env.DATABASE_URL! });
  await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: 'bench' })));
  return store;
}

/** The raw ceiling: the same canonical rows in plain multi-row INSERTs; only the INSERTs are timed. */
export async function rawPhase(flags: PhaseFlags): Promise<PhaseResult> {
  const store = await freshStore(flags.driver);
  let seconds = 0;
  try {
    let rows: ReturnType<typeof sql>[] = [];
    const flush = async () => {
      const t0 = performance.now();
      await store.db.execute(
        sql`INSERT INTO records (org_id, kind, key, data, hash) VALUES ${sql.join(rows, sql`, `)}`,
      );
      seconds += (performance.now() - t0) / 1000;
      rows = [];
    };
    for (const input of benchReceipts(flags.accounts)) {
      const data = entityKinds.receipt.schema.parse(input);
      const json = JSON.stringify(data);
      const hash = createHash('sha256').update(json).digest('base64url');
      rows.push(sql`('bench', 'receipt', ${entityKinds.receipt.keyOf(data)}, ${json}::jsonb, ${hash})`);
      if (rows.length === 1000) await flush();
    }
    if (rows.length) await flush();
  } finally {
    await store.close();
  }
  return { seconds, rssMiB: peakRssMiB() };
}

/** A hub on a fresh store; the parent times its requests. Prints READY, then RESULT at stdin's end. */
export async function hubPhase(flags: PhaseFlags): Promise<PhaseResult> {
  const store = await freshStore(flags.driver);
  const app = await buildHub({ store, box: undefined, startBulkThreads: true }); // as `serve` does
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const { token } = await createToken(store.db, { orgId: 'bench', name: 'bench' });
    process.stdout.write(`READY ${JSON.stringify({ url, token })}\n`);
    process.stdin.resume();
    await new Promise((resolve) => process.stdin.on('end', resolve));
  } finally {
    await app.close();
    await store.close();
  }
  return { rssMiB: peakRssMiB() };
}

/** `import` of a file or directory (written by the parent) straight into a fresh store. */
export async function importPhase(flags: PhaseFlags): Promise<PhaseResult> {
  const store = await freshStore(flags.driver);
  try {
    const t0 = performance.now();
    const result = await importPaths([flags.file!], {
      sink: directSink(store, 'bench'),
      batchSize: flags.batch,
      progress: new ProgressReporter({ enabled: false }),
    });
    return {
      seconds: (performance.now() - t0) / 1000,
      records: result.total.records,
      rejected: result.total.rejected,
      rssMiB: peakRssMiB(),
    };
  } finally {
    await store.close();
  }
}
