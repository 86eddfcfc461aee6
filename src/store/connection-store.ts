import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import {
  checkpoints,
  connectionRunStats,
  connections,
  deliveries,
  idMap,
  recordErrors,
  webhookQueue,
} from './schema.js';
import { type SecretBox, SecretKeyError } from './secret-box.js';

/** A connection as the API shows it: credentials never leave the store, only their field names. */
export interface ConnectionInfo {
  id: string;
  orgId: string;
  platform: string;
  name: string;
  settings: Record<string, unknown>;
  enabled: boolean;
  credentialFields: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionInput {
  platform: string;
  name: string;
  credentials?: Record<string, unknown> | undefined;
  settings?: Record<string, unknown> | undefined;
  enabled?: boolean | undefined;
}

export function requireBox(box: SecretBox | undefined): SecretBox {
  if (!box) throw new SecretKeyError('ZHKH_SECRET_KEY is not set: credentials cannot be encrypted or read');
  return box;
}

export async function createConnection(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  input: ConnectionInput,
): Promise<ConnectionInfo> {
  const creds = input.credentials === undefined ? null : requireBox(box).seal(input.credentials);
  const [row] = await db
    .insert(connections)
    .values({
      id: randomUUID(),
      orgId,
      platform: input.platform,
      name: input.name,
      credentials: creds,
      settings: input.settings ?? {},
      enabled: input.enabled ?? true,
    })
    .returning();
  return toInfo(row!, box);
}

export async function updateConnection(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  id: string,
  patch: Partial<ConnectionInput>,
): Promise<ConnectionInfo | undefined> {
  const set: Partial<typeof connections.$inferInsert> = { updatedAt: sql`now()` as never };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.settings !== undefined) set.settings = patch.settings;
  if (patch.enabled !== undefined) set.enabled = patch.enabled;
  if (patch.credentials !== undefined) set.credentials = requireBox(box).seal(patch.credentials);
  const [row] = await db
    .update(connections)
    .set(set)
    .where(and(eq(connections.orgId, orgId), eq(connections.id, id)))
    .returning();
  return row && toInfo(row, box);
}

export async function getConnection(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  id: string,
): Promise<ConnectionInfo | undefined> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.orgId, orgId), eq(connections.id, id)));
  return row && toInfo(row, box);
}

export async function listConnections(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
): Promise<ConnectionInfo[]> {
  const rows = await db
    .select()
    .from(connections)
    .where(eq(connections.orgId, orgId))
    .orderBy(connections.name);
  return rows.map((r) => toInfo(r, box));
}

/** Removes a connection with everything the engine kept for it (those tables have no cascading keys). */
export async function deleteConnection(db: Db, orgId: string, id: string): Promise<boolean> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const rows = await tx
      .delete(connections)
      .where(and(eq(connections.orgId, orgId), eq(connections.id, id)))
      .returning({ id: connections.id });
    if (rows.length === 0) return false;
    for (const table of [deliveries, idMap, checkpoints, recordErrors, connectionRunStats, webhookQueue]) {
      await tx.delete(table).where(eq(table.connectionId, id));
    }
    return true;
  });
}

/** Decrypted credentials, for the engine only — never for an API answer or a log line. */
export async function readCredentials(
  db: Db,
  box: SecretBox | undefined,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ credentials: connections.credentials })
    .from(connections)
    .where(eq(connections.id, id));
  if (!row?.credentials) return undefined;
  return requireBox(box).open(row.credentials) as Record<string, unknown>;
}

export function toInfo(row: typeof connections.$inferSelect, box: SecretBox | undefined): ConnectionInfo {
  let credentialFields: string[] = [];
  if (row.credentials && box) {
    try {
      credentialFields = Object.keys(box.open(row.credentials) as object).sort();
    } catch {
      credentialFields = ['<sealed with another key>'];
    }
  }
  return {
    id: row.id,
    orgId: row.orgId,
    platform: row.platform,
    name: row.name,
    settings: row.settings as Record<string, unknown>,
    enabled: row.enabled,
    credentialFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every connection of every organisation (for the scheduler). */
export async function listAllConnections(db: Db): Promise<ConnectionInfo[]> {
  const rows = await db.select().from(connections).orderBy(connections.id);
  return rows.map((r) => toInfo(r, undefined));
}

/** A connection by id alone, for routes the platform calls (no organisation in the path). */
export async function getConnectionById(db: Db, id: string): Promise<ConnectionInfo | undefined> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id));
  return row && toInfo(row, undefined);
}
