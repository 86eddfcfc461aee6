import type { z } from 'zod';
import { field } from '../model/field.js';

/**
 * What a cell must become for a field of the canonical model — read from the model's own zod
 * schemas, so there is one vocabulary: the domain's field builders (money, decimal, date, period,
 * instant) are recognised by identity, the rest by their zod type.
 */
export type FieldType =
  | { type: 'money' | 'decimal' | 'date' | 'period' | 'instant' | 'text' | 'number' | 'boolean' | 'json' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; of: FieldType };

export interface FieldInfo {
  fieldType: FieldType;
  /** Neither optional nor defaulted: a record without it is refused. */
  required: boolean;
}

const BY_IDENTITY = new Map<unknown, FieldType>([
  [field.money, { type: 'money' }],
  [field.decimal, { type: 'decimal' }],
  [field.date, { type: 'date' }],
  [field.period, { type: 'period' }],
  [field.instant, { type: 'instant' }],
]);

/**
 * The field at a dotted path (numeric segments index lists), or undefined when the schema has no
 * such field. A path into free JSON (`raw.anything`) is `json`.
 */
export function fieldAt(schema: z.ZodType, path: readonly (string | number)[]): FieldInfo | undefined {
  let node = schema as Node;
  let required = true;
  for (const segment of path) {
    const u = unwrap(node);
    required &&= u.required;
    node = u.node;
    const def = node._zod.def;
    if (def.type === 'object' && typeof segment === 'string' && Object.hasOwn(def.shape!, segment)) {
      node = def.shape![segment]!;
    } else if (def.type === 'array' && typeof segment === 'number') {
      node = def.element!;
    } else if (def.type === 'record') {
      return { fieldType: { type: 'json' }, required: false };
    } else {
      return undefined;
    }
  }
  const u = unwrap(node);
  return { fieldType: typeOf(u.node), required: required && u.required };
}

interface Node {
  _zod: {
    def: {
      type: string;
      innerType?: Node;
      shape?: Record<string, Node>;
      element?: Node;
      entries?: Record<string, string>;
      in?: Node;
    };
  };
}

function unwrap(node: Node): { node: Node; required: boolean } {
  let required = true;
  for (;;) {
    if (BY_IDENTITY.has(node)) return { node, required };
    const def = node._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      if (def.type !== 'nullable') required = false;
      node = def.innerType!;
    } else {
      return { node, required };
    }
  }
}

function typeOf(node: Node): FieldType {
  const known = BY_IDENTITY.get(node);
  if (known) return known;
  const def = node._zod.def;
  switch (def.type) {
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', values: Object.values(def.entries!) };
    case 'array': {
      const element = unwrap(def.element!).node;
      const of = typeOf(element);
      return { type: 'list', of: of.type === 'text' || of.type === 'enum' ? of : { type: 'json' } };
    }
    case 'string':
      return { type: 'text' };
    default:
      return { type: 'json' };
  }
}

/**
 * The dotted paths of every required field of an object schema, into required nested objects
 * (`recipient.inn`) but not into lists: what a record cannot do without.
 */
export function requiredPaths(schema: z.ZodType, prefix = ''): string[] {
  const { node } = unwrap(schema as Node);
  const def = node._zod.def;
  if (def.type !== 'object') return [];
  const out: string[] = [];
  for (const [name, child] of Object.entries(def.shape!)) {
    const u = unwrap(child);
    if (!u.required) continue;
    const nested = u.node._zod.def.type === 'object' && !BY_IDENTITY.has(u.node);
    if (nested) out.push(...requiredPaths(u.node as never, `${prefix}${name}.`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

/** The element schema of a list field (`lines` → ReceiptLine), or undefined. */
export function listElement(schema: z.ZodType, name: string): z.ZodType | undefined {
  const { node } = unwrap(schema as Node);
  const list = node._zod.def.type === 'object' ? node._zod.def.shape![name] : undefined;
  if (list === undefined) return undefined;
  const inner = unwrap(list).node._zod.def;
  return inner.type === 'array' ? (inner.element as unknown as z.ZodType) : undefined;
}
