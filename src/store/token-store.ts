import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { apiTokens } from './schema.js';

export interface TokenInfo {
  id: string;
  orgId: string | null;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const PREFIX = 'zb_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token; the secret is returned once and only its hash is stored. */
export async function createToken(
  db: Db,
  opts: { orgId: string | null; name: string; secret?: string },
): Promise<{ token: string; info: TokenInfo }> {
  const token = opts.secret ?? PREFIX + randomBytes(24).toString('base64url');
  const [row] = await db
    .insert(apiTokens)
    .values({ id: randomUUID(), orgId: opts.orgId, name: opts.name, tokenHash: hashToken(token) })
    .returning();
  return { token, info: toInfo(row!) };
}

/** Makes sure an operator-supplied token (ZHKH_ADMIN_TOKEN) exists as an admin token. */
export async function ensureAdminToken(db: Db, secret: string): Promise<void> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(secret)));
  if (!row) await createToken(db, { orgId: null, name: 'ZHKH_ADMIN_TOKEN', secret });
}

export async function findActiveToken(db: Db, token: string): Promise<TokenInfo | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  return row && toInfo(row);
}

export async function touchToken(db: Db, id: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}

export async function listTokens(db: Db, orgId?: string): Promise<TokenInfo[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(orgId === undefined ? undefined : eq(apiTokens.orgId, orgId))
    .orderBy(apiTokens.createdAt);
  return rows.map(toInfo);
}

export async function revokeToken(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function getToken(db: Db, id: string): Promise<TokenInfo | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row && toInfo(row);
}

function toInfo(row: typeof apiTokens.$inferSelect): TokenInfo {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
