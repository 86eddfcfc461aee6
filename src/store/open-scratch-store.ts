import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from './open-store.js';

/**
 * A fresh, empty store that disappears on close — for tests and benchmarks. PGlite in memory or in a
 * temporary directory; on PostgreSQL a new database on the server of `serverUrl`, dropped on close.
 */
export async function openScratchStore(
  opts: { driver: 'pglite'; onDisk?: boolean } | { driver: 'postgres'; serverUrl: string; poolSize?: number },
): Promise<Store> {
  if (opts.driver === 'pglite') {
    if (!opts.onDisk) return openStore({ driver: 'pglite' });
    const home = mkdtempSync(join(tmpdir(), 'zb-scratch-'));
    const store = await openStore({ driver: 'pglite', dataDir: join(home, 'data') });
    return {
      ...store,
      async close() {
        await store.close();
        rmSync(home, { recursive: true, force: true });
      },
    };
  }
  const name = `zb_scratch_${randomBytes(6).toString('hex')}`;
  await withClient(opts.serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(opts.serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ driver: 'postgres', url: url.toString(), poolSize: opts.poolSize ?? 4 });
  return {
    ...store,
    async close() {
      await store.close();
      await withClient(opts.serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
