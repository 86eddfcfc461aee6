import { openScratchStore } from '../../src/store/open-scratch-store.js';
import type { Store } from '../../src/store/open-store.js';

/**
 * The store kinds every store/API suite runs on: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL is set. Suites use `describe.each(storeKinds)` — the same suite, not a copy.
 */
export const storeKinds: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A fresh, empty store: in-memory PGlite, or a new database on the test PostgreSQL server. */
export function openTestStore(kind: 'pglite' | 'postgres'): Promise<Store> {
  return kind === 'pglite'
    ? openScratchStore({ driver: 'pglite' })
    : openScratchStore({ driver: 'postgres', serverUrl: process.env.TEST_DATABASE_URL! });
}
