import { and, eq, sql } from 'drizzle-orm';
import { type ConnectionInfo, requireBox, toInfo } from './connection-store.js';
import type { Db } from './open-store.js';
import { connections } from './schema.js';
import type { SecretBox } from './secret-box.js';

/** What an edit sets; a field left out stays as it is. `credentials: null` removes them. */
export interface ConnectionChange {
  name?: string;
  enabled?: boolean;
  settings?: Record<string, unknown>;
  credentials?: Record<string, unknown> | null;
}

/** The connection as the edit sees it; credentials are decrypted only when the edit asks. */
export interface ConnectionNow {
  info: ConnectionInfo;
  credentials(): Record<string, unknown> | undefined;
}

/**
 * Reads a connection, lets `edit` decide what changes from what is stored now, and writes that —
 * all in one transaction with the row locked, so two edits of different keys both land. If `edit`
 * throws (a merged result the platform refuses), nothing is written; an empty change writes nothing
 * either. Undefined: no such connection.
 */
export async function editConnection(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  id: string,
  edit: (now: ConnectionNow) => ConnectionChange | Promise<ConnectionChange>,
): Promise<ConnectionInfo | undefined> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const where = and(eq(connections.orgId, orgId), eq(connections.id, id));
    const [row] = await tx.select().from(connections).where(where).for('update');
    if (!row) return undefined;
    const sealed = row.credentials;
    const info = toInfo(row, box);
    const change = await edit({
      info,
      credentials: () =>
        sealed === null ? undefined : (requireBox(box).open(sealed) as Record<string, unknown>),
    });
    if (Object.keys(change).length === 0) return info;
    const set: Partial<typeof connections.$inferInsert> = { updatedAt: sql`now()` as never };
    if (change.name !== undefined) set.name = change.name;
    if (change.enabled !== undefined) set.enabled = change.enabled;
    if (change.settings !== undefined) set.settings = change.settings;
    if (change.credentials !== undefined)
      set.credentials = change.credentials === null ? null : requireBox(box).seal(change.credentials);
    const [updated] = await tx.update(connections).set(set).where(where).returning();
    return toInfo(updated!, box);
  });
}
