import { sql } from 'drizzle-orm';
import type { Db } from '../../store/open-store.js';
import { queryRows } from '../../store/query-rows.js';

/**
 * Canonical records of the connection's organisation by key, for a stream whose wire payload needs
 * other records (a receipt's address is its account's premise and house). One query per call:
 * connectors pass every key a page needs at once. Deleted records are left out.
 */
export interface RecordLookup {
  get(kind: string, keys: readonly string[]): Promise<Map<string, unknown>>;
}

export function recordLookup(db: Db, orgId: string): RecordLookup {
  return {
    async get(kind, keys) {
      const found = new Map<string, unknown>();
      const unique = [...new Set(keys)];
      if (unique.length === 0) return found;
      // `key = ANY(array)` is an index condition on the primary key whatever the statistics; a join
      // or `IN (…)` lets the planner (PGlite has none until analyzed) scan every record of the kind.
      const rows = await queryRows<{ key: string; data: unknown }>(
        db,
        sql`
        SELECT key, data FROM records
        WHERE org_id = ${orgId} AND kind = ${kind} AND deleted_at IS NULL
          AND key = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb)))`,
      );
      for (const r of rows) found.set(r.key, typeof r.data === 'string' ? JSON.parse(r.data) : r.data);
      return found;
    },
  };
}
