import { dirname, join } from 'node:path';
import { DataDirInUseError } from '../store/data-dir-lock.js';
import { openStore, type Store } from '../store/open-store.js';
import { type SecretBox, secretBoxFromEnv } from '../store/secret-box.js';
import { storeOptionsFromEnv } from '../store/store-options-from-env.js';
import { CliError } from './cli-error.js';
import { dataDirInUseMessage } from './data-dir-in-use-message.js';

export interface StoreFlags {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
}

export interface OpenedStore {
  store: Store;
  box: SecretBox | undefined;
  /** The embedded store's directory (undefined on PostgreSQL). */
  dataDir?: string | undefined;
}

/**
 * Opens the store the flags and environment select, and the secret box that goes with it.
 * `throughApi`: the command could go through a running hub instead (`--url`), so a data directory
 * held by `serve` is answered with the lines to type.
 */
export async function openCliStore(flags: StoreFlags, throughApi = true): Promise<OpenedStore> {
  const options = storeOptionsFromEnv(flags);
  let store: Store;
  try {
    store = await openStore(options);
  } catch (err) {
    if (err instanceof DataDirInUseError) throw new CliError(dataDirInUseMessage(err, throughApi));
    if (options.driver === 'postgres')
      throw new CliError(`cannot open PostgreSQL store: ${(err as Error).message}`);
    throw err;
  }
  const keyFile =
    options.driver === 'pglite' && options.dataDir ? join(dirname(options.dataDir), 'secret.key') : undefined;
  const dataDir = options.driver === 'pglite' ? options.dataDir : undefined;
  return { store, box: secretBoxFromEnv({ keyFile }), dataDir };
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
