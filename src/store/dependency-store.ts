import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';

/**
 * Keys of a kind's records created, changed or deleted in the seq range (after, upto]: walks the
 * change index over that range only, so an unchanged store answers at once whatever its size.
 */
export async function changedKeys(
  db: Db,
  orgId: string,
  kind: string,
  afterSeq: number,
  uptoSeq: number,
): Promise<string[]> {
  if (uptoSeq <= afterSeq) return [];
  const rows = await queryRows<{ key: string }>(
    db,
    // The range alone inside, so the change index is the only way in (with the organisation and
    // kind beside it, a planner without statistics may prefer the primary key and walk the kind).
    sql`WITH moved AS MATERIALIZED (
          SELECT key, org_id, kind FROM records WHERE seq > ${afterSeq} AND seq <= ${uptoSeq})
        SELECT key FROM moved WHERE org_id = ${orgId} AND kind = ${kind}`,
  );
  return rows.map((r) => r.key);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Keys of the `kind` records whose `field` names one of `values` (deleted ones included). Kind and
 * field go into the SQL as literals, so the planner matches the partial expression index on
 * `(data->>'<field>') WHERE kind = '<kind>'` (drizzle/0006 and earlier); each value is one index
 * lookup (a lateral join: `IN (…)` let planners without statistics scan the kind instead).
 */
export async function keysReferencing(
  db: Db,
  orgId: string,
  kind: string,
  field: string,
  values: Iterable<string>,
): Promise<string[]> {
  if (!IDENT.test(kind) || !IDENT.test(field))
    throw new Error(`a dependency names kind "${kind}" and field "${field}": letters, digits and _ only`);
  const wanted = [...new Set(values)];
  if (wanted.length === 0) return [];
  const rows = await queryRows<{ key: string }>(
    db,
    sql`SELECT r.key FROM jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb) AS w(v)
        JOIN LATERAL (SELECT x.key FROM records x
          WHERE (x.data->>${sql.raw(`'${field}'`)}) = w.v AND x.org_id = ${orgId}
            AND x.kind = ${sql.raw(`'${kind}'`)}) r ON true`,
  );
  return rows.map((r) => r.key);
}
