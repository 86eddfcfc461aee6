import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';
import { storedTime } from './stored-time.js';

export interface ExportCursor {
  kind: string;
  name: string;
  /** The last inbox cursor the billing confirmed it loaded (0: nothing yet). */
  position: number;
  updatedAt: string | null;
}

/** Where the organization's named export of `kind` has got to: 0 when it never moved. */
export async function exportCursorPosition(
  db: Db,
  orgId: string,
  kind: string,
  name: string,
): Promise<number> {
  const rows = await queryRows<{ position: string | number }>(
    db,
    sql`SELECT position FROM export_cursors WHERE org_id = ${orgId} AND kind = ${kind} AND name = ${name}`,
  );
  return Number(rows[0]?.position ?? 0);
}

/** Moves a named export cursor forward to `position` (never back); returns where it now is. */
export async function advanceExportCursor(
  db: Db,
  orgId: string,
  kind: string,
  name: string,
  position: number,
): Promise<number> {
  const rows = await queryRows<{ position: string | number }>(
    db,
    sql`
    INSERT INTO export_cursors (org_id, kind, name, position) VALUES (${orgId}, ${kind}, ${name}, ${position})
    ON CONFLICT (org_id, kind, name) DO UPDATE
      SET position = GREATEST(export_cursors.position, excluded.position), updated_at = now()
    RETURNING position`,
  );
  return Number(rows[0]?.position ?? position);
}

export async function listExportCursors(db: Db, orgId: string): Promise<ExportCursor[]> {
  const rows = await queryRows<{
    kind: string;
    name: string;
    position: string | number;
    updated_at: unknown;
  }>(
    db,
    sql`SELECT kind, name, position, updated_at FROM export_cursors WHERE org_id = ${orgId} ORDER BY kind, name`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    name: r.name,
    position: Number(r.position),
    updatedAt: storedTime(r.updated_at as string | null),
  }));
}
