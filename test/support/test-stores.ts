import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/open-store.js';

/**
 * The store kinds every store/API suite runs on: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL is set. Suites use `describe.each(storeKinds)` — the same suite, not a copy.
 */
export const storeKinds: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A fresh, empty store: in-memory PGlite, or a new database on the test PostgreSQL server. */
export async function openTestStore(kind: 'pglite' | 'postgres'): Promise<Store> {
  if (kind === 'pglite') return openStore({ driver: 'pglite' });
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `zb_test_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = await openStore({ driver: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
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
