import { dirname, join } from 'node:path';
import { DataDirInUseError } from '../store/data-dir-lock.js';
import { openStore, type Store } from '../store/open-store.js';
import { type SecretBox, secretBoxFromEnv } from '../store/secret-box.js';
import { storeOptionsFromEnv } from '../store/store-options-from-env.js';
import { CliError } from './cli-error.js';

export interface StoreFlags {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
}

export interface OpenedStore {
  store: Store;
  box: SecretBox | undefined;
}

/** Opens the store the flags and environment select, and the secret box that goes with it. */
export async function openCliStore(flags: StoreFlags): Promise<OpenedStore> {
  const options = storeOptionsFromEnv(flags);
  let store: Store;
  try {
    store = await openStore(options);
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      throw new CliError(
        `${err.message}. Stop that process first, or talk to it through the API (--url) instead of the data directory.`,
      );
    }
    if (options.driver === 'postgres')
      throw new CliError(`cannot open PostgreSQL store: ${(err as Error).message}`);
    throw err;
  }
  const keyFile =
    options.driver === 'pglite' && options.dataDir ? join(dirname(options.dataDir), 'secret.key') : undefined;
  return { store, box: secretBoxFromEnv({ keyFile }) };
}

/** Runs `fn` with an open store and always closes it (an open PGlite keeps the process alive). */
export async function withStore<T>(flags: StoreFlags, fn: (opened: OpenedStore) => Promise<T>): Promise<T> {
  const opened = await openCliStore(flags);
  try {
    return await fn(opened);
  } finally {
    await opened.store.close();
  }
}
