/**
 * Filter suffixes of condo's `*WhereInput` (Keystone 5), longest first so `_not_in` wins over `_in`
 * and `_not_contains_i` over `_contains_i`.
 */
const OPS = [
  '_not_starts_with_i',
  '_not_ends_with_i',
  '_not_contains_i',
  '_not_starts_with',
  '_not_ends_with',
  '_starts_with_i',
  '_not_contains',
  '_ends_with_i',
  '_starts_with',
  '_contains_i',
  '_ends_with',
  '_contains',
  '_is_null',
  '_not_in',
  '_is_set',
  '_every',
  '_not_i',
  '_some',
  '_none',
  '_not',
  '_lte',
  '_gte',
  '_in',
  '_lt',
  '_gt',
  '_i',
];
const WHERE_KEY_RE = new RegExp(`^(.*?)(${OPS.join('|')})?$`);
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}/;
const NUMBER_RE = /^-?\d+(\.\d+)?$/;

type Rec = Record<string, unknown>;

/** Orders two field values: dates as instants, decimals as numbers, the rest as text. */
export function compareValues(a: unknown, b: unknown): number {
  return compareKeys(orderKey(a), orderKey(b));
}

/**
 * A value as compareValues orders it, read once: a sort compares each row many times, and a regex
 * and a Date.parse per comparison made listing 80,000 readings take seconds a page.
 */
export interface OrderKey {
  raw: unknown;
  /** 1: ISO date (num = instant), 2: decimal (num), 3: other text, 0: not a string. */
  kind: 0 | 1 | 2 | 3;
  num: number;
}

export function orderKey(raw: unknown): OrderKey {
  if (typeof raw !== 'string') return { raw, kind: 0, num: 0 };
  if (ISO_DATE_RE.test(raw)) return { raw, kind: 1, num: Date.parse(raw) };
  if (NUMBER_RE.test(raw)) return { raw, kind: 2, num: Number(raw) };
  return { raw, kind: 3, num: 0 };
}

export function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a.raw === b.raw) return 0;
  if (a.raw === null || a.raw === undefined) return -1;
  if (b.raw === null || b.raw === undefined) return 1;
  if (a.kind !== 0 && b.kind !== 0) {
    if (a.kind === b.kind && a.kind !== 3) return a.num - b.num;
    const x = a.raw as string;
    const y = b.raw as string;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a.raw) - Number(b.raw);
}

const same = (a: unknown, b: unknown) =>
  (a ?? null) === null ? (b ?? null) === null : compareValues(a, b) === 0;

/**
 * Whether a record passes a `where` of the platform's shape: every Keystone operator (equality,
 * ordering, `_in`, the text operators and their case-insensitive `_i` forms, `_is_null`, relation
 * filters, `_every` / `_some` / `_none` on lists, `AND` / `OR`). A field the sandbox does not keep is
 * null, as an empty field is on the platform.
 */
export function matchesWhere(rec: Rec, where: Rec | null | undefined): boolean {
  if (!where) return true;
  for (const [key, filter] of Object.entries(where)) {
    if (filter === undefined) continue;
    if (key === 'AND') {
      if (!(filter as Rec[]).every((w) => matchesWhere(rec, w))) return false;
      continue;
    }
    if (key === 'OR') {
      if (!(filter as Rec[]).some((w) => matchesWhere(rec, w))) return false;
      continue;
    }
    const [, field = key, op = ''] = WHERE_KEY_RE.exec(key) ?? [];
    if (!matchesOp(rec[field], op, filter)) return false;
  }
  return true;
}

const lower = (v: unknown) => String(v).toLowerCase();

/** The text operators: `contains`, `starts_with`, `ends_with`, `i` (equals), case-insensitive with `_i`. */
function text(value: unknown, op: string, filter: unknown): boolean {
  if (typeof value !== 'string' || filter === null) return false;
  const insensitive = op.endsWith('_i');
  const v = insensitive ? value.toLowerCase() : value;
  const f = insensitive ? lower(filter) : String(filter);
  if (op.includes('contains')) return v.includes(f);
  if (op.includes('starts_with')) return v.startsWith(f);
  if (op.includes('ends_with')) return v.endsWith(f);
  return v === f;
}

function matchesOp(value: unknown, op: string, filter: unknown): boolean {
  const items = Array.isArray(value) ? (value as Rec[]) : [];
  switch (op) {
    case '':
      if (filter !== null && typeof filter === 'object' && !Array.isArray(filter)) {
        return value !== null && typeof value === 'object' && matchesWhere(value as Rec, filter as Rec);
      }
      return same(value, filter);
    case '_not':
      return !same(value, filter);
    case '_in':
      return (filter as unknown[]).some((f) => same(value, f));
    case '_not_in':
      return !(filter as unknown[]).some((f) => same(value, f));
    case '_lt':
      return value != null && compareValues(value, filter) < 0;
    case '_lte':
      return value != null && compareValues(value, filter) <= 0;
    case '_gt':
      return value != null && compareValues(value, filter) > 0;
    case '_gte':
      return value != null && compareValues(value, filter) >= 0;
    case '_is_null':
    case '_is_set':
      return (value == null) === (op === '_is_null' ? filter : !filter);
    case '_every':
      return items.every((i) => matchesWhere(i, filter as Rec));
    case '_some':
      return items.some((i) => matchesWhere(i, filter as Rec));
    case '_none':
      return !items.some((i) => matchesWhere(i, filter as Rec));
    default:
      return op.startsWith('_not_') ? !text(value, op.replace('_not', ''), filter) : text(value, op, filter);
  }
}
