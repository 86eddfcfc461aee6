import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { Organization } from '../domain/model/organization.js';
import type { Db } from './open-store.js';
import { orgs } from './schema.js';

export interface OrgRow {
  id: string;
  name: string;
  data: Organization;
  createdAt: string;
  updatedAt: string;
}

export async function upsertOrg(db: Db, org: Organization): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await getOrg(db, org.id);
  // jsonb reorders keys, so compare structurally rather than as text.
  if (existing && isDeepStrictEqual(existing.data, JSON.parse(JSON.stringify(org)))) return 'unchanged';
  await db
    .insert(orgs)
    .values({ id: org.id, name: org.name, data: org })
    .onConflictDoUpdate({ target: orgs.id, set: { name: org.name, data: org, updatedAt: sql`now()` } });
  return existing ? 'updated' : 'created';
}

export async function getOrg(db: Db, id: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row && toOrgRow(row);
}

export async function listOrgs(db: Db): Promise<OrgRow[]> {
  return (await db.select().from(orgs).orderBy(orgs.id)).map(toOrgRow);
}

function toOrgRow(row: typeof orgs.$inferSelect): OrgRow {
  return {
    id: row.id,
    name: row.name,
    data: row.data as Organization,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
