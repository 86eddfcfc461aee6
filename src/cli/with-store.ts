import { DataDirInUseError } from '../store/data-dir-lock.js';
import { openSecretBox } from '../store/open-secret-box.js';
import { openStore, type Store } from '../store/open-store.js';
import { type SecretBox, SecretKeyError } from '../store/secret-box.js';
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

/** ZHKH_SECRET_KEY missing on PostgreSQL, said before anything is opened (serve, worker, demo). */
export const MISSING_KEY_MESSAGE =
  'ZHKH_SECRET_KEY is not set. On PostgreSQL every hub process needs the same key to encrypt and read connection credentials: generate one once with `openssl rand -hex 32`, then set ZHKH_SECRET_KEY=<that value> in the environment of every serve and worker process (and keep a copy: credentials sealed with it cannot be read without it).';

/**
 * Opens the store the flags and environment select, and the secret box that goes with it.
 * `throughApi`: the command could go through a running hub instead (`--url`), so a data directory
 * held by `serve` is answered with the lines to type. `requireKey`: a process that runs syncs or
 * serves connections (serve, worker) refuses to start on PostgreSQL without ZHKH_SECRET_KEY,
 * instead of failing later when a connection is used.
 */
export async function openCliStore(
  flags: StoreFlags,
  throughApi = true,
  opts: { requireKey?: boolean } = {},
): Promise<OpenedStore> {
  const options = storeOptionsFromEnv(flags);
  if (opts.requireKey && options.driver === 'postgres' && !process.env.ZHKH_SECRET_KEY)
    throw new CliError(MISSING_KEY_MESSAGE);
  let store: Store;
  try {
    store = await openStore(options);
  } catch (err) {
    if (err instanceof DataDirInUseError) throw new CliError(dataDirInUseMessage(err, throughApi));
    if (options.driver === 'postgres')
      throw new CliError(`cannot open PostgreSQL store: ${(err as Error).message}`);
    throw err;
  }
  const dataDir = options.driver === 'pglite' ? options.dataDir : undefined;
  try {
    return {
      store,
      box: await openSecretBox(store, options, (m) => console.error(`zhkh-bridge: ${m}`)),
      dataDir,
    };
  } catch (err) {
    await store.close();
    if (err instanceof SecretKeyError) throw new CliError(err.message);
    throw err;
  }
}

/** Runs `fn` with an open store and always closes it (an open PGlite keeps the process alive). */
export async function withStore<T>(
  flags: StoreFlags,
  fn: (opened: OpenedStore) => Promise<T>,
  opts: { requireKey?: boolean } = {},
): Promise<T> {
  const opened = await openCliStore(flags, true, opts);
  try {
    return await fn(opened);
  } finally {
    await opened.store.close();
  }
}
