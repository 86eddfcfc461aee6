import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';

export type DeliveryStatus = 'ok' | 'rejected';

/** A canonical record beside what was last delivered of it on one connection. */
export interface OutboundRow {
  key: string;
  data: unknown;
  deleted: boolean;
  deliveredHash: string | null;
  deliveredStatus: DeliveryStatus | null;
}

/**
 * One page of a kind's records in key order, each with the hash of the payload the connection last
 * had confirmed. Key order (not seq) gives stable pages while records keep changing underneath.
 */
export async function readOutboundPage(
  db: Db,
  orgId: string,
  connectionId: string,
  kind: string,
  after: string | undefined,
  limit: number,
): Promise<OutboundRow[]> {
  const rows = await queryRows<{
    key: string;
    data: unknown;
    deleted: boolean;
    h: string | null;
    s: string | null;
  }>(
    db,
    sql`
    SELECT r.key, r.data, r.deleted_at IS NOT NULL AS deleted, d.hash AS h, d.status AS s
    FROM records r
    LEFT JOIN deliveries d ON d.connection_id = ${connectionId} AND d.kind = r.kind AND d.key = r.key
    WHERE r.org_id = ${orgId} AND r.kind = ${kind} ${after === undefined ? sql`` : sql`AND r.key > ${after}`}
    ORDER BY r.key LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    key: r.key,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    deleted: r.deleted,
    deliveredHash: r.h,
    deliveredStatus: r.s as DeliveryStatus | null,
  }));
}

/** Records what the platform confirmed or refused, so the next sync sends only what changed. */
export async function markDelivered(
  db: Db,
  connectionId: string,
  kind: string,
  entries: ReadonlyArray<{ key: string; hash: string; status: DeliveryStatus }>,
): Promise<void> {
  if (entries.length === 0) return;
  const payload = JSON.stringify(entries.map((e) => ({ k: e.key, h: e.hash, s: e.status })));
  await db.execute(sql`
    INSERT INTO deliveries (connection_id, kind, key, hash, status)
    SELECT ${connectionId}, ${kind}, t.k, t.h, t.s FROM jsonb_to_recordset(${payload}::jsonb) AS t(k text, h text, s text)
    ON CONFLICT (connection_id, kind, key) DO UPDATE
      SET hash = excluded.hash, status = excluded.status, delivered_at = now()`);
}

/**
 * Forgets what was delivered (all, or only the refused records) for one connection and optionally one
 * kind, so the next sync sends those records again. Canonical data is not touched.
 */
export async function resetDeliveries(
  db: Db,
  connectionId: string,
  opts: { kind?: string | undefined; onlyRejected?: boolean } = {},
): Promise<number> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`
    DELETE FROM deliveries WHERE connection_id = ${connectionId}
      ${opts.kind ? sql`AND kind = ${opts.kind}` : sql``}
      ${opts.onlyRejected ? sql`AND status = 'rejected'` : sql``}
    RETURNING key`,
  );
  return rows.length;
}

/** How many records of these kinds the organisation has (the denominator of a run's progress). */
export async function countKindRecords(db: Db, orgId: string, kinds: readonly string[]): Promise<number> {
  if (kinds.length === 0) return 0;
  const rows = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM records WHERE org_id = ${orgId}
        AND kind IN (SELECT jsonb_array_elements_text(${JSON.stringify(kinds)}::jsonb))`,
  );
  return Number(rows[0]?.n ?? 0);
}
