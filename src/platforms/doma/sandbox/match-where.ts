/** Filter operators of condo's `*WhereInput`, longest first so `_not_in` wins over `_in`. */
const WHERE_KEY_RE = /^(.*?)(_not_in|_in|_not|_lte|_lt|_gte|_gt|_is_null|_contains_i|_contains)?$/;
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
 * Whether a record passes a `where` of the platform's shape: `field`, `field_not`, `_in`, `_not_in`,
 * `_lt`/`_lte`/`_gt`/`_gte`, `_is_null`, `_contains(_i)`, nested relation filters and `AND`/`OR`.
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

function matchesOp(value: unknown, op: string, filter: unknown): boolean {
  switch (op) {
    case '':
      if (filter !== null && typeof filter === 'object') {
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
      return (value == null) === filter;
    case '_contains':
      return typeof value === 'string' && value.includes(String(filter));
    case '_contains_i':
      return typeof value === 'string' && value.toLowerCase().includes(String(filter).toLowerCase());
    default:
      return false;
  }
}
