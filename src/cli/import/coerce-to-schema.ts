import type { z } from 'zod';

const TRUE = new Set(['true', '1', 'да', 'yes', 'y', 'д']);
const FALSE = new Set(['false', '0', 'нет', 'no', 'n', 'н']);

/**
 * A CSV record has only strings. Parses it with the kind's schema and, wherever an issue says a
 * number, boolean or array was expected but a string is there, converts that string: booleans from
 * true/false/1/0/да/нет, numbers from integer (or decimal) text, arrays from `a|b` (phones) or from a
 * JSON array in the cell. Returns the record with those fields converted, otherwise as given: the
 * caller hands it to ingestRecords, which validates it again and reports what is still wrong.
 * Money and decimals are never touched — the schemas take strings like "167,10" exactly.
 * Mutates `record` (it was just built from a CSV row and belongs to the caller).
 */
export function coerceToSchema(schema: z.ZodType, record: unknown): unknown {
  // Several passes: an array made from "a|b" is only checked element by element on the next parse.
  for (let pass = 0; pass < 4; pass++) {
    const parsed = schema.safeParse(record);
    if (parsed.success) return record;
    let changed = false;
    for (const issue of parsed.error.issues) {
      if (issue.code !== 'invalid_type' || issue.path.length === 0) continue;
      const parent = parentAt(record, issue.path);
      const last = issue.path[issue.path.length - 1] as string | number;
      const value = parent?.[last];
      if (parent === undefined || typeof value !== 'string') continue;
      const converted = convert(value, issue.expected);
      if (converted === undefined) continue;
      parent[last] = converted;
      changed = true;
    }
    if (!changed) return record;
  }
  return record;
}

function parentAt(
  record: unknown,
  path: readonly PropertyKey[],
): Record<string | number, unknown> | undefined {
  let node = record;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[path[i]!];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>) : undefined;
}

function convert(value: string, expected: string): unknown {
  const text = value.trim();
  switch (expected) {
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return undefined;
    }
    case 'number':
    case 'int':
      return /^[+-]?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : undefined;
    case 'array': {
      if (text.startsWith('[')) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (Array.isArray(parsed)) return parsed;
        } catch {
          // Not JSON after all: fall through to the "a|b" form.
        }
      }
      return text
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    }
    default:
      return undefined;
  }
}
