import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * A file under the shared sources (`/work/shared` beside the main checkout), or undefined when it is
 * not on this machine: tests that need it skip, saying so.
 */
export function sharedFile(...parts: string[]): string | undefined {
  for (const base of [path.resolve(repoRoot, '..', 'shared'), '/work/shared']) {
    const file = path.join(base, ...parts);
    if (existsSync(file)) return file;
  }
  return undefined;
}
