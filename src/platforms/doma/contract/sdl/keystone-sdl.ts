import { keystoneType, listOfType } from './keystone-inputs.js';
import type { ListModel } from './list-model.js';

/**
 * The SDL of the Keystone-derived input types and enums reachable from `roots`: each root type,
 * then every type its fields name, transitively. Names that are neither a list's derived type nor a
 * known enum (scalars, hand-written inputs) are left to the hand-written part of the SDL.
 */
export function keystoneSdl(
  lists: readonly ListModel[],
  enums: Readonly<Record<string, readonly string[]>>,
  roots: readonly string[],
): string {
  const byName = new Map(lists.map((l) => [l.name, l]));
  const seen = new Set<string>();
  const queue = [...roots];
  const out: string[] = [];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const values = enums[name];
    if (values) {
      out.push(`enum ${name} {\n${values.map((v) => `  ${v}`).join('\n')}\n}`);
      continue;
    }
    const l = listOfType(byName, name);
    const sdl = l && keystoneType(l, name);
    if (!sdl) continue;
    out.push(sdl);
    for (const m of sdl.matchAll(/: \[*(\w+)/g)) queue.push(m[1] as string);
  }
  return out.join('\n\n');
}
