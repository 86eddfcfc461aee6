import { type EntityKind, type EntityKindName, entityKinds } from '../entity-kinds.js';
import { COLUMN_NAMES } from './column-names.js';
import { type FieldType, fieldAt } from './field-type-at.js';

/**
 * Where a column's value goes: the kind's own record, the one element of a list a flat row fills
 * (a receipt's `lines`), a companion record made from the row (`house`, `premise`), or an input a
 * key is derived from (`@meterNumber`).
 */
export type Scope = 'record' | 'line' | 'input' | 'house' | 'premise';

export interface ResolvedTarget {
  scope: Scope;
  /** Path inside that scope's record (the line itself for `line`, the input's name for `input`). */
  path: (string | number)[];
  /** The target in the notation of column-names.ts and mapping files: `lines.toPay`, `house.address`. */
  text: string;
  fieldType: FieldType;
}

/** Array indexes above this are names: `lines.99999999` must not build a huge array. */
const MAX_INDEX = 9999;

/** A target in the notation of column-names.ts, checked against the kind's schemas; undefined if none. */
export function resolveTarget(kind: EntityKind, text: string): ResolvedTarget | undefined {
  const t = text.trim();
  if (t.startsWith('@')) {
    const known = COLUMN_NAMES[kind.name as EntityKindName]?.[t] !== undefined;
    return known ? { scope: 'input', path: [t.slice(1)], text: t, fieldType: { type: 'text' } } : undefined;
  }
  const path = t.split('.').map((s) => (/^\d+$/.test(s) && Number(s) <= MAX_INDEX ? Number(s) : s));
  if (t === '' || path.some((s) => s === '')) return undefined;
  const own = fieldAt(kind.schema, path);
  if (own) return { scope: 'record', path, text: t, fieldType: own.fieldType };
  const [head, ...rest] = path;
  if (typeof head !== 'string' || rest.length === 0 || rest.some((s) => typeof s !== 'string'))
    return undefined;
  if (head === flatListOf(kind)) {
    const inner = fieldAt(kind.schema, [head, 0, ...rest]);
    return inner && { scope: 'line', path: rest, text: t, fieldType: inner.fieldType };
  }
  if (companionKindsOf(kind).includes(head as CompanionKind)) {
    const inner = fieldAt(entityKinds[head as CompanionKind].schema, rest);
    return inner && { scope: head as CompanionKind, path: rest, text: t, fieldType: inner.fieldType };
  }
  return undefined;
}

export type CompanionKind = 'house' | 'premise';

/** The list a flat export fills one element of per row: a list whose fields column-names.ts names. */
export function flatListOf(kind: EntityKind): string | undefined {
  for (const target of Object.keys(COLUMN_NAMES[kind.name as EntityKindName] ?? {})) {
    const [head, second] = target.split('.');
    if (second === undefined || /^\d+$/.test(second)) continue;
    const list = fieldAt(kind.schema, [head!]);
    if (list?.fieldType.type === 'list') return head;
  }
  return undefined;
}

/** The kinds whose records a row of this kind may also make (accounts: house and premise). */
export function companionKindsOf(kind: EntityKind): CompanionKind[] {
  const out = new Set<CompanionKind>();
  for (const target of Object.keys(COLUMN_NAMES[kind.name as EntityKindName] ?? {})) {
    const head = target.split('.')[0];
    if ((head === 'house' || head === 'premise') && head !== kind.name) out.add(head);
  }
  return [...out];
}
