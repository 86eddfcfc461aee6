import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = '002_a0130039d12ae5fc.txt';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The seed's path: `<repo>/../shared/seeds/…` (the main checkout), else `/work/shared/seeds/…`. */
export function seedPath(): string | undefined {
  return [path.resolve(repoRoot, '..', 'shared', 'seeds', SEED), path.join('/work/shared/seeds', SEED)].find(
    (p) => existsSync(p),
  );
}

/**
 * The request examples of seed 002 ("Пример тела запроса"), in the seed's order, as written — read
 * at test time so no seed text lives in the repository.
 */
export function seedExamples(): string[] {
  const file = seedPath();
  if (!file) return [];
  const text = readFileSync(file, 'utf8');
  const examples: string[] = [];
  let at = text.indexOf('Пример');
  while (at >= 0) {
    const open = text.indexOf('{', at);
    let depth = 0;
    let end = open;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    examples.push(text.slice(open, end + 1));
    at = text.indexOf('Пример', end);
  }
  return examples;
}

/** The example with its trailing commas removed (what makes it valid JSON). */
export function withoutTrailingCommas(json: string): string {
  return json.replace(/,(\s*[}\]])/g, '$1');
}
