import { sql } from 'drizzle-orm';
import type { OutboxEntry } from '../../../engine/connector/connector.js';
import type { Db } from '../../../store/open-store.js';
import { queryRows } from '../../../store/query-rows.js';

/**
 * The oldest queued events of an endpoint, each as its JSON text on the wire (built by the store:
 * nothing is parsed and serialised again on the way out). The ids first, by the queue's key alone:
 * joined directly, planners sorted the whole queue to take the first hundred.
 */
export async function takeQueued(
  db: Db,
  connectionId: string,
  limit: number,
  after?: number | undefined,
): Promise<OutboxEntry[]> {
  const rows = await queryRows<{ id: string | number; body: string }>(
    db,
    sql`
    WITH next AS MATERIALIZED (
      SELECT event_id FROM webhook_queue WHERE connection_id = ${connectionId}
        ${after === undefined ? sql`` : sql`AND event_id > ${after}`}
      ORDER BY event_id LIMIT ${limit})
    SELECT e.id, json_build_object('id', e.id, 'type', e.type, 'orgId', e.org_id,
      'createdAt', e.created_at, 'data', e.payload)::text AS body
    FROM next JOIN webhook_events e ON e.id = next.event_id
    ORDER BY e.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), payload: r.body }));
}

/** Acknowledged events leave the endpoint's queue (by id: never a range, which could hold others). */
export async function removeQueued(db: Db, connectionId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    DELETE FROM webhook_queue
    WHERE connection_id = ${connectionId} AND event_id = ANY(${`{${ids.join(',')}}`}::bigint[])`);
}

/** Enabled endpoints with events queued. */
export async function endpointsWaiting(db: Db): Promise<Array<{ orgId: string; connectionId: string }>> {
  const rows = await queryRows<{ id: string; org_id: string }>(
    db,
    sql`
    SELECT c.id, c.org_id FROM connections c
    WHERE c.platform = 'webhook' AND c.enabled
      AND EXISTS (SELECT 1 FROM webhook_queue q WHERE q.connection_id = c.id)`,
  );
  return rows.map((r) => ({ orgId: r.org_id, connectionId: r.id }));
}

/** Events queued per endpoint (the hub's `zhkh_webhook_queued_events`). */
export async function countQueuedEvents(db: Db): Promise<Array<{ connectionId: string; queued: number }>> {
  const rows = await queryRows<{ connection_id: string; n: string | number }>(
    db,
    sql`SELECT connection_id, count(*) AS n FROM webhook_queue GROUP BY connection_id`,
  );
  return rows.map((r) => ({ connectionId: r.connection_id, queued: Number(r.n) }));
}
