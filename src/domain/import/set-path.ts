export type Segment = string | number;

/**
 * Sets a value at a path inside a record being built from a row, creating objects and arrays
 * (numeric segments) on the way. The first value set at a path wins. `__proto__` becomes an own
 * property (which the strict schemas reject), never a prototype.
 */
export function setPath(root: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    let next = Object.hasOwn(node, seg) ? node[seg] : undefined;
    if (next === undefined) {
      next = typeof path[i + 1] === 'number' ? [] : {};
      setOwn(node, seg, next);
    } else if (typeof next !== 'object' || next === null) {
      // `a` and `a.b` both given: the first column wins, the schema will say what is wrong.
      return;
    }
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (!Object.hasOwn(node, last)) setOwn(node, last, value);
}

/** The value at a path, or undefined. */
export function getPath(root: Record<string, unknown>, path: readonly Segment[]): unknown {
  let node: unknown = root;
  for (const seg of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<Segment, unknown>)[seg];
  }
  return node;
}

function setOwn(node: Record<string | number, unknown>, key: Segment, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    node[key] = value;
  }
}

/**
 * Closes the holes numeric segments leave in arrays: `persons.1.*` filled with `persons.0.*` empty
 * gives one person. Mutates and returns `value`.
 */
export function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === 'object' && v !== null) {
        const compacted = compactArrays(v);
        if (compacted !== v)
          Object.defineProperty(value, k, {
            value: compacted,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
    }
  }
  return value;
}
