import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';
import { storedTime } from './stored-time.js';

export interface InboxEntryInput {
  connectionId: string;
  platform: string;
  kind: string;
  sourceId: string;
  payload: unknown;
}

export interface InboxEntry extends InboxEntryInput {
  cursor: number;
  receivedAt: string;
}

/**
 * Appends entries; an entry already received from the same connection with the same kind and
 * source id is skipped, so a platform's redelivery after a lost acknowledgement adds nothing.
 * Returns how many were new. Run it in the same transaction as the checkpoint that covers it.
 */
export async function appendInbox(
  db: Db,
  orgId: string,
  entries: readonly InboxEntryInput[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const payload = JSON.stringify(
    entries.map((e) => ({ c: e.connectionId, p: e.platform, k: e.kind, s: e.sourceId, d: e.payload })),
  );
  const rows = await queryRows<{ id: number }>(
    db,
    sql`
    INSERT INTO inbox (org_id, connection_id, platform, kind, source_id, payload)
    SELECT ${orgId}, e.v->>'c', e.v->>'p', e.v->>'k', e.v->>'s', e.v->'d'
    FROM jsonb_array_elements(${payload}::jsonb) WITH ORDINALITY AS e(v, n)
    ORDER BY e.n
    ON CONFLICT (connection_id, kind, source_id) DO NOTHING
    RETURNING id`,
  );
  return rows.length;
}

export async function readInbox(
  db: Db,
  orgId: string,
  opts: {
    after?: number | undefined;
    limit: number;
    kind?: string | undefined;
    platform?: string | undefined;
  },
): Promise<{ items: InboxEntry[]; ackedThrough: number }> {
  const acked = await ackedThrough(db, orgId);
  const after = opts.after ?? acked;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    SELECT id, connection_id, platform, kind, source_id, payload, received_at FROM inbox
    WHERE org_id = ${orgId} AND id > ${after} ${opts.kind ? sql`AND kind = ${opts.kind}` : sql``}
      ${opts.platform ? sql`AND platform = ${opts.platform}` : sql``}
    ORDER BY id LIMIT ${opts.limit}`,
  );
  return { ackedThrough: acked, items: rows.map(toEntry) };
}

/** One entry of the organisation's inbox by its cursor, acknowledged or not. */
export async function readInboxEntry(db: Db, orgId: string, cursor: number): Promise<InboxEntry | undefined> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    SELECT id, connection_id, platform, kind, source_id, payload, received_at FROM inbox
    WHERE org_id = ${orgId} AND id = ${cursor}`,
  );
  return rows[0] && toEntry(rows[0]);
}

function toEntry(r: Record<string, unknown>): InboxEntry {
  return {
    cursor: Number(r.id),
    connectionId: String(r.connection_id),
    platform: String(r.platform),
    kind: String(r.kind),
    sourceId: String(r.source_id),
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    receivedAt: storedTime(r.received_at as string | Date),
  };
}

export async function ackedThrough(db: Db, orgId: string): Promise<number> {
  const rows = await queryRows<{ acked_through: string | number }>(
    db,
    sql`SELECT acked_through FROM inbox_acks WHERE org_id = ${orgId}`,
  );
  return Number(rows[0]?.acked_through ?? 0);
}

/** Moves the org's acknowledgement forward to `cursor` (never back); returns the new position. */
export async function ackInbox(db: Db, orgId: string, cursor: number): Promise<number> {
  const rows = await queryRows<{ acked_through: string | number }>(
    db,
    sql`
    INSERT INTO inbox_acks (org_id, acked_through) VALUES (${orgId}, ${cursor})
    ON CONFLICT (org_id) DO UPDATE
      SET acked_through = GREATEST(inbox_acks.acked_through, excluded.acked_through), updated_at = now()
    RETURNING acked_through`,
  );
  return Number(rows[0]?.acked_through ?? cursor);
}

export async function maxInboxCursor(db: Db, orgId: string): Promise<number> {
  const rows = await queryRows<{ m: string | number | null }>(
    db,
    sql`SELECT max(id) AS m FROM inbox WHERE org_id = ${orgId}`,
  );
  return Number(rows[0]?.m ?? 0);
}

/** Every inbox item of one kind a connection landed: its source id and payload (a reconciliation). */
export async function inboxItemsOf(
  db: Db,
  orgId: string,
  connectionId: string,
  kind: string,
): Promise<Array<{ sourceId: string; payload: unknown }>> {
  const rows = await queryRows<{ source_id: string; payload: unknown }>(
    db,
    sql`SELECT source_id, payload FROM inbox
        WHERE org_id = ${orgId} AND connection_id = ${connectionId} AND kind = ${kind}`,
  );
  return rows.map((r) => ({
    sourceId: r.source_id,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
  }));
}
