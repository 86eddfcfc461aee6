import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { EntityKind } from '../domain/entity-kinds.js';
import { keyOfInput } from '../domain/key-of-input.js';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';

/**
 * The inputs with each one laid over the stored record of its key (fields it leaves out keep their
 * stored values; one level deep): a merge patch instead of a replacement. The stored record is
 * encoded back to the input form first (kopecks to rubles) so that the result validates like any
 * input. Inputs without a readable key, or without a live stored record, are returned as they are.
 */
export async function mergeWithStored(
  db: Db,
  orgId: string,
  kind: EntityKind,
  inputs: readonly unknown[],
): Promise<unknown[]> {
  const keys = [...new Set(inputs.map((i) => keyOfInput(kind, i)).filter((k) => k !== undefined))];
  if (keys.length === 0) return [...inputs];
  // A text[] parameter makes the keys an index condition on the primary key (key = ANY): one
  // lookup per key however large the table, whatever the planner's statistics say.
  const rows = await queryRows<{ key: string; data: unknown }>(
    db,
    sql`SELECT key, data FROM records
        WHERE org_id = ${orgId} AND kind = ${kind.name} AND deleted_at IS NULL
          AND key = ANY(${textArray(keys)}::text[])`,
  );
  const stored = new Map(rows.map((r) => [r.key, r.data]));
  return inputs.map((input) => {
    const key = keyOfInput(kind, input);
    const data = key === undefined ? undefined : stored.get(key);
    if (data === undefined) return input;
    let base: unknown;
    try {
      base = z.encode(kind.schema, data as never);
    } catch {
      base = data; // stored by an older schema: merged as stored, validation says what is wrong
    }
    return { ...(base as object), ...(input as object) };
  });
}

/** A PostgreSQL array literal of texts, every element quoted: `{"a","b \\"c\\""}`. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
