import { InvalidArgumentError } from 'commander';
import { isJsonObject } from '../domain/json-merge-patch.js';

export interface PathValue {
  path: string[];
  value: unknown;
}

/**
 * commander argParser for a repeatable `--set path=value`. The value is JSON when it parses as JSON
 * (500, true, null, {"mode":"bearer"}, "\"0042\""), text otherwise ("0 3 * * *", http://…) — except
 * under `credentials.`, where it is always text: every credential is a string, and a numeric
 * password must stay one.
 */
export function collectSet(spec: string, previous: PathValue[] = []): PathValue[] {
  const eq = spec.indexOf('=');
  if (eq < 1) throw new InvalidArgumentError('path=value, e.g. settings.sync.schedule="0 3 * * *"');
  const path = splitPath(spec.slice(0, eq));
  const raw = spec.slice(eq + 1);
  let value: unknown = raw;
  if (path[0] !== 'credentials') {
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
  }
  return [...previous, { path, value }];
}

/** commander argParser for a repeatable `--unset path`: the key is removed (`null` in the patch). */
export function collectUnset(spec: string, previous: PathValue[] = []): PathValue[] {
  return [...previous, { path: splitPath(spec), value: null }];
}

function splitPath(spec: string): string[] {
  const path = spec.split('.');
  if (path.some((p) => p === ''))
    throw new InvalidArgumentError(`"${spec}" is not a dotted path like settings.baseUrl`);
  return path;
}

/** Writes each value at its path into a copy of `base` (later ones win), creating objects on the way. */
export function applyPaths(
  base: Record<string, unknown>,
  sets: readonly PathValue[],
): Record<string, unknown> {
  const out = structuredClone(base);
  for (const { path, value } of sets) {
    let node = out;
    for (const key of path.slice(0, -1)) {
      if (!isJsonObject(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return out;
}
