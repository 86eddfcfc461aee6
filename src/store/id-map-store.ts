import { sql } from 'drizzle-orm';
import { isUniqueViolation } from './is-unique-violation.js';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';
import { storedTime } from './stored-time.js';

export interface IdMapEntry {
  entity: string;
  key: string;
  platformId: string;
  /** The platform will replace this id («Умное ЖКХ» ids starting with `--`). */
  temporary?: boolean | undefined;
}

/**
 * Records (entity, our key) ↔ platform id for one connection. A key's platform id may change (a
 * temporary id replaced); a platform id taken over by another key moves to it — the newest
 * statement of the platform wins, so the map never holds one platform id twice.
 */
export async function upsertIds(db: Db, connectionId: string, entries: readonly IdMapEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const last = new Map<string, IdMapEntry>();
  for (const e of entries) last.set(`${e.entity}\u0000${e.key}`, e);
  const payload = JSON.stringify(
    [...last.values()].map((e) => ({ e: e.entity, k: e.key, p: e.platformId, t: !!e.temporary })),
  );
  const insert = (tx: Db) =>
    tx.execute(sql`
    INSERT INTO id_map (connection_id, entity, key, platform_id, temporary)
    SELECT ${connectionId}, t.e, t.k, t.p, t.t FROM jsonb_to_recordset(${payload}::jsonb) AS t(e text, k text, p text, t boolean)
    ON CONFLICT (connection_id, entity, key) DO UPDATE
      SET platform_id = excluded.platform_id, temporary = excluded.temporary, last_seen = now()`);
  // Usually no platform id is held by another key, and the insert alone is right. When one is, the
  // unique index refuses the insert (inside a savepoint, so an enclosing transaction survives) and
  // the other keys' claims are dropped first. Looking for such claims up front would cost a lookup
  // per entry on every batch — and without statistics (PGlite) the planner may do it by scanning.
  try {
    await db.transaction((tx) => insert(tx as unknown as Db));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await tx.execute(sql`
        DELETE FROM id_map m USING jsonb_to_recordset(${payload}::jsonb) AS t(e text, k text, p text, t boolean)
        WHERE m.connection_id = ${connectionId} AND m.entity = t.e AND m.platform_id = t.p AND m.key <> t.k`);
      await insert(tx);
    });
  }
}

export async function platformIdOf(
  db: Db,
  connectionId: string,
  entity: string,
  key: string,
): Promise<string | undefined> {
  const rows = await queryRows<{ platform_id: string }>(
    db,
    sql`SELECT platform_id FROM id_map WHERE connection_id = ${connectionId} AND entity = ${entity} AND key = ${key}`,
  );
  return rows[0]?.platform_id;
}

/** The platform ids of several keys of one entity, by key (keys without one are left out). */
export async function platformIdsOf(
  db: Db,
  connectionId: string,
  entity: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  // A primary-key lookup per key, whatever the planner's statistics (see getLiveRecords).
  const rows = await queryRows<{ key: string; platform_id: string | null }>(
    db,
    sql`
    SELECT wanted.key, (SELECT m.platform_id FROM id_map m
      WHERE m.connection_id = ${connectionId} AND m.entity = ${entity} AND m.key = wanted.key) AS platform_id
    FROM jsonb_array_elements_text(${JSON.stringify([...new Set(keys)])}::jsonb) AS wanted(key)`,
  );
  return new Map(rows.flatMap((r) => (r.platform_id === null ? [] : [[r.key, r.platform_id] as const])));
}

export async function keyOfPlatformId(
  db: Db,
  connectionId: string,
  entity: string,
  platformId: string,
): Promise<string | undefined> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`SELECT key FROM id_map WHERE connection_id = ${connectionId} AND entity = ${entity} AND platform_id = ${platformId}`,
  );
  return rows[0]?.key;
}

/** Replaces a temporary platform id by the permanent one; answers whether a mapping was changed. */
export async function replacePlatformId(
  db: Db,
  connectionId: string,
  entity: string,
  oldId: string,
  newId: string,
): Promise<boolean> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`UPDATE id_map SET platform_id = ${newId}, temporary = false, last_seen = now()
        WHERE connection_id = ${connectionId} AND entity = ${entity} AND platform_id = ${oldId}
        RETURNING key`,
  );
  return rows.length > 0;
}

export interface IdMapRow extends IdMapEntry {
  firstSeen: string;
  lastSeen: string;
}

export async function listIds(
  db: Db,
  connectionId: string,
  opts: { entity?: string | undefined; key?: string | undefined; limit: number },
): Promise<IdMapRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT entity, key, platform_id, temporary, first_seen, last_seen FROM id_map
        WHERE connection_id = ${connectionId} ${opts.entity ? sql`AND entity = ${opts.entity}` : sql``}
          ${opts.key ? sql`AND key = ${opts.key}` : sql``}
        ORDER BY entity, key LIMIT ${opts.limit}`,
  );
  return rows.map((r) => ({
    entity: String(r.entity),
    key: String(r.key),
    platformId: String(r.platform_id),
    temporary: Boolean(r.temporary),
    firstSeen: storedTime(r.first_seen as string | Date),
    lastSeen: storedTime(r.last_seen as string | Date),
  }));
}
