import fs from 'node:fs';
import { join, sep } from 'node:path';

const privateDirs = new Set<string>();
let guarded = false;

/**
 * Makes an embedded store's directory readable by its owner only: the directory and every
 * directory inside it 0700, every file 0600, whatever the umask — it holds personal data, token
 * hashes and the secret key. Existing entries are fixed now (a store created by an older version,
 * or copied with other modes), and so are those PGlite creates from now on in this process.
 */
export function makeDataDirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  privateDirs.add(dir);
  guardNewEntries();
  chmodTree(dir);
}

function chmodTree(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(path);
    else if (entry.isFile()) fs.chmodSync(path, 0o600);
  }
}

function isPrivate(path: unknown): boolean {
  if (typeof path !== 'string') return false;
  for (const dir of privateDirs) if (path === dir || path.startsWith(dir + sep)) return true;
  return false;
}

/**
 * PGlite's file system layer (Emscripten's NODEFS) creates every file and then sets its mode with
 * `fs.chmodSync(path, 0o666)`, which no umask masks, and creates directories with 0777 minus the
 * umask. Both calls go through the `fs` module object, so inside a private directory they are
 * narrowed here to the owner's bits. Paths elsewhere are left untouched.
 */
function guardNewEntries(): void {
  if (guarded) return;
  guarded = true;
  const chmodSync = fs.chmodSync;
  const mkdirSync = fs.mkdirSync;
  fs.chmodSync = ((path: fs.PathLike, mode: fs.Mode) =>
    chmodSync(path, isPrivate(path) ? ownerOnly(mode) : mode)) as typeof fs.chmodSync;
  fs.mkdirSync = ((path: fs.PathLike, options?: fs.Mode | fs.MakeDirectoryOptions | null) => {
    if (!isPrivate(path)) return mkdirSync(path, options as fs.MakeDirectoryOptions);
    const opts = typeof options === 'object' && options !== null ? options : { mode: options ?? 0o777 };
    return mkdirSync(path, { ...opts, mode: ownerOnly(opts.mode ?? 0o777) });
  }) as typeof fs.mkdirSync;
}

function ownerOnly(mode: fs.Mode): number {
  const n = typeof mode === 'string' ? Number.parseInt(mode, 8) : mode;
  return n & ~0o077;
}
