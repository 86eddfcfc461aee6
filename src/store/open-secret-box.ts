import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Store, StoreOptions } from './open-store.js';
import { queryRows } from './query-rows.js';
import { SecretBox, SecretKeyError } from './secret-box.js';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The key that seals this store's secrets. ZHKH_SECRET_KEY wins. Without it, an embedded store
 * keeps a generated key in `<data-dir>/secret.key` (0600) — inside the directory it protects, so
 * two hubs never share one by accident (so `npm run demo` needs no setup). A PostgreSQL store has
 * no key unless the variable is set: every process on every machine needs the same one.
 *
 * Older versions kept the key beside the data directory (`<data-dir>/../secret.key`); such a key
 * is moved inside, with a notice. A new key is never generated while the store holds secrets
 * sealed with another one: they would become unreadable. Instead the sealing key is looked for in
 * the sibling data directories (where a hub that shared the old location moved it), and failing
 * that, start is refused with what to do.
 */
export async function openSecretBox(
  store: Store,
  options: StoreOptions,
  notice: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SecretBox | undefined> {
  if (env.ZHKH_SECRET_KEY) return SecretBox.fromString(env.ZHKH_SECRET_KEY);
  if (options.driver !== 'pglite' || options.dataDir === undefined) return undefined;
  const dir = resolve(options.dataDir);
  const keyFile = join(dir, SECRET_KEY_FILE);
  const oldKeyFile = join(dirname(dir), SECRET_KEY_FILE);
  if (!existsSync(keyFile)) {
    if (existsSync(oldKeyFile)) {
      moveFile(oldKeyFile, keyFile);
      notice(
        `moved the secret key ${oldKeyFile} into the data directory it protects: ${keyFile} (set ZHKH_SECRET_KEY to keep a key elsewhere)`,
      );
    } else {
      const sealedWith = await sealingKeyOf(store);
      if (sealedWith === undefined) {
        writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      } else {
        const found = siblingKeyFile(dir, sealedWith);
        if (!found) {
          throw new SecretKeyError(
            `${keyFile} is missing, but this store holds credentials sealed with key ${sealedWith}: a new key could not read them. Put that key's file at ${keyFile}, or set ZHKH_SECRET_KEY to it.`,
          );
        }
        copyFileSync(found, keyFile);
        notice(
          `copied the secret key ${sealedWith} that sealed this store's credentials from ${found} to ${keyFile} (a hub that shared ${oldKeyFile} had moved it there)`,
        );
      }
    }
  }
  chmodSync(keyFile, 0o600);
  return SecretBox.fromString(readFileSync(keyFile, 'utf8'));
}

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    copyFileSync(from, to);
    unlinkSync(from);
  }
}

/** The fingerprint of the key some stored secret was sealed with, if the store holds any. */
async function sealingKeyOf(store: Store): Promise<string | undefined> {
  const rows = await queryRows<{ sealed: string }>(
    store.db,
    sql`(SELECT credentials AS sealed FROM connections WHERE credentials LIKE 'v1:%' LIMIT 1)
        UNION ALL
        (SELECT data->>'password' FROM records WHERE data->>'password' LIKE 'v1:%' LIMIT 1)`,
  );
  return rows[0]?.sealed.split(':')[1];
}

/** `<parent>/<sibling>/secret.key` holding the key with this fingerprint, if there is one. */
function siblingKeyFile(dir: string, fingerprint: string): string | undefined {
  const parent = dirname(dir);
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === basename(dir)) continue;
    const candidate = join(parent, entry.name, SECRET_KEY_FILE);
    try {
      if (SecretBox.fromString(readFileSync(candidate, 'utf8')).fingerprint === fingerprint) return candidate;
    } catch {
      // not there, not readable, or not a key
    }
  }
  return undefined;
}
