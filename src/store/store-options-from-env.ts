import type { StoreOptions } from './open-store.js';

export const DEFAULT_DATA_DIR = './.zhkh-bridge/data';

/** DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite store in a data directory. */
export function storeOptionsFromEnv(
  overrides: { dataDir?: string | undefined; databaseUrl?: string | undefined } = {},
  env: NodeJS.ProcessEnv = process.env,
): StoreOptions {
  const url = overrides.databaseUrl ?? env.DATABASE_URL;
  if (url && !overrides.dataDir) return { driver: 'postgres', url, poolSize: Number(env.ZHKH_DB_POOL ?? 10) };
  return { driver: 'pglite', dataDir: overrides.dataDir ?? env.ZHKH_DATA_DIR ?? DEFAULT_DATA_DIR };
}
