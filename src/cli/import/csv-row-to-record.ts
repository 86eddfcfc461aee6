type Segment = string | number;

/** Array indexes above this are taken as plain names: `lines.99999999` must not build a huge array. */
const MAX_INDEX = 9999;

const compiledHeaders = new WeakMap<readonly string[], (Segment[] | undefined)[]>();

/**
 * One CSV row as a nested record. Header names are dotted paths into the record — `recipient.inn`,
 * `lines.0.serviceId`, `persons.1.fullName` — so a flat 1С table can carry the canonical shape;
 * numeric segments make arrays. Cells are trimmed and empty ones omitted (an empty cell means "not
 * given", letting schema defaults apply), so an array element whose cells are all empty does not
 * exist, and holes close up: `persons.1.*` filled with `persons.0.*` empty gives one person.
 */
export function csvRowToRecord(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  const paths = compile(header);
  const out: Record<string, unknown> = {};
  for (let c = 0; c < paths.length; c++) {
    const path = paths[c];
    const value = row[c]?.trim();
    if (path === undefined || value === undefined || value === '') continue;
    setPath(out, path, value);
  }
  return compact(out) as Record<string, unknown>;
}

function compile(header: readonly string[]): (Segment[] | undefined)[] {
  let paths = compiledHeaders.get(header);
  if (paths === undefined) {
    paths = header.map((name) => {
      const trimmed = name.trim();
      // A column without a name (a trailing delimiter) carries nothing.
      if (trimmed === '') return undefined;
      return trimmed.split('.').map((s) => (/^\d+$/.test(s) && Number(s) <= MAX_INDEX ? Number(s) : s));
    });
    compiledHeaders.set(header, paths);
  }
  return paths;
}

function setPath(root: Record<string, unknown>, path: Segment[], value: string): void {
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

/** `__proto__` from a header becomes an own property (which the strict schemas reject), never a prototype. */
function setOwn(node: Record<string | number, unknown>, key: Segment, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    node[key] = value;
  }
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === 'object' && v !== null) setOwn(value as Record<string, unknown>, k, compact(v));
    }
  }
  return value;
}
