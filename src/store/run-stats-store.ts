import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import type { OperationState } from './operation-store.js';
import { queryRows } from './query-rows.js';

/** Counts a finished run of a connection (see `connection_run_stats`). */
export async function recordRunEnd(db: Db, connectionId: string, state: OperationState): Promise<void> {
  await db.execute(sql`
    INSERT INTO connection_run_stats (connection_id, state, runs, last_finished_at)
    VALUES (${connectionId}, ${state}, 1, now())
    ON CONFLICT (connection_id, state) DO UPDATE
      SET runs = connection_run_stats.runs + 1, last_finished_at = now()`);
}

/** A connection as operators watch it: who it is, its schedule and how its runs ended. */
export interface ConnectionHealth {
  orgId: string;
  connectionId: string;
  name: string;
  platform: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  createdAt: Date;
  /** The last run that got through to the platform (`succeeded` or `partial`). */
  lastSuccessAt: Date | undefined;
  /** Finished runs by final state, since the connection was created. */
  runs: Partial<Record<OperationState, number>>;
}

/** Every connection (or one) with its run statistics: what metrics and the unreachable check read. */
export async function listConnectionHealth(
  db: Db,
  connectionId?: string | undefined,
): Promise<ConnectionHealth[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT c.id, c.org_id, c.name, c.platform, c.enabled, c.settings, c.created_at,
          s.state, s.runs, s.last_finished_at
        FROM connections c LEFT JOIN connection_run_stats s ON s.connection_id = c.id
        ${connectionId === undefined ? sql`` : sql`WHERE c.id = ${connectionId}`}
        ORDER BY c.org_id, c.name`,
  );
  const byId = new Map<string, ConnectionHealth>();
  for (const r of rows) {
    const id = String(r.id);
    let h = byId.get(id);
    if (!h) {
      h = {
        orgId: String(r.org_id),
        connectionId: id,
        name: String(r.name),
        platform: String(r.platform),
        enabled: Boolean(r.enabled),
        settings: (typeof r.settings === 'string' ? JSON.parse(r.settings) : r.settings) as Record<
          string,
          unknown
        >,
        createdAt: new Date(r.created_at as string),
        lastSuccessAt: undefined,
        runs: {},
      };
      byId.set(id, h);
    }
    if (r.state === null || r.state === undefined) continue;
    const state = r.state as OperationState;
    h.runs[state] = Number(r.runs);
    const at = new Date(r.last_finished_at as string);
    if ((state === 'succeeded' || state === 'partial') && (!h.lastSuccessAt || at > h.lastSuccessAt))
      h.lastSuccessAt = at;
  }
  return [...byId.values()];
}
