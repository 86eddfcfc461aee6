import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** Beside the data directory's lock: where the `serve` (or `demo`) holding it listens. */
const fileOf = (dataDir: string) => `${dataDir}.serve.json`;

/**
 * Notes where this process serves the embedded store, so that a command refused by the data
 * directory's lock can say exactly how to go through the API instead. Returns the function that
 * removes the note (also run on exit).
 */
export function writeServeAddress(dataDir: string, url: string): () => void {
  const file = fileOf(dataDir);
  writeFileSync(file, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
  const remove = () => {
    process.off('exit', remove);
    try {
      if (readServeAddress(dataDir, process.pid) !== undefined) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', remove);
  return remove;
}

/** The URL the process `pid` noted for `dataDir`, if it is that process's note. */
export function readServeAddress(dataDir: string, pid: number): string | undefined {
  try {
    const note = JSON.parse(readFileSync(fileOf(dataDir), 'utf8')) as { pid?: unknown; url?: unknown };
    return note.pid === pid && typeof note.url === 'string' ? note.url : undefined;
  } catch {
    return undefined;
  }
}
