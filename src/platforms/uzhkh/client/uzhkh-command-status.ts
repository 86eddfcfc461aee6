import { sql } from 'drizzle-orm';
import type { Db } from '../../../store/open-store.js';
import { queryRows } from '../../../store/query-rows.js';

export interface CommandStatus {
  kind: string;
  key: string;
  command: unknown;
  /** `pending` until the platform answered; `done` or `rejected` (with the platform's reason) after. */
  state: 'pending' | 'done' | 'rejected';
  code: string | null;
  message: string | null;
  updatedAt: string;
}

/**
 * The billing's «Умное ЖКХ» commands of one connection with their outcome: the engine's delivery
 * row (`ok`/`rejected`, for the command's current content) and the open record error, if any.
 */
export async function uzhkhCommandStatus(
  db: Db,
  orgId: string,
  connectionId: string,
  kinds: readonly string[],
): Promise<CommandStatus[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT r.kind, r.key, r.data, r.updated_at, d.status, d.delivered_at, e.code, e.message
        FROM records r
        LEFT JOIN deliveries d ON d.connection_id = ${connectionId} AND d.kind = r.kind AND d.key = r.key
          AND d.delivered_at >= r.updated_at
        LEFT JOIN record_errors e ON e.connection_id = ${connectionId} AND e.kind = r.kind AND e.key = r.key
          AND e.state = 'open'
        WHERE r.org_id = ${orgId} AND r.kind IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )}) AND r.deleted_at IS NULL AND starts_with(r.key, ${`${connectionId}/`})
        ORDER BY r.kind, r.key`,
  );
  return rows.map((r) => {
    const data = typeof r.data === 'string' ? JSON.parse(r.data) : r.data;
    const { connectionId: _own, ...command } = data as Record<string, unknown>;
    const state = r.status === 'ok' ? 'done' : r.status === 'rejected' ? 'rejected' : 'pending';
    return {
      kind: String(r.kind),
      key: String(r.key),
      command,
      state,
      code: state === 'rejected' && r.code ? String(r.code) : null,
      message: state === 'rejected' && r.message ? String(r.message) : null,
      updatedAt: new Date((r.delivered_at ?? r.updated_at) as string).toISOString(),
    };
  });
}
