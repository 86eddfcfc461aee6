import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * One schema for PGlite and PostgreSQL 15. Canonical records share one table: every kind has the
 * same life cycle (upsert by key, content hash, soft delete, change sequence), and the kind's zod
 * schema is the real structure. Keep SQL to the PostgreSQL 15 feature set.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const orgs = pgTable('orgs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  data: jsonb('data').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Every change of a record takes the next value: the engine reads changes in this order. */
export const recordSeq = pgSequence('record_seq');

export const records = pgTable(
  'records',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    data: jsonb('data').notNull(),
    /** sha256 of the canonical JSON: an unchanged re-send compares equal and writes nothing. */
    hash: text('hash').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull().default(sql`nextval('record_seq')`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.kind, t.key] }),
    index('records_seq_idx').on(t.orgId, t.kind, t.seq),
  ],
);

/** What platforms send back; the id is the feed cursor. Redelivery of the same source id is a no-op. */
export const inbox = pgTable(
  'inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    connectionId: text('connection_id').notNull(),
    platform: text('platform').notNull(),
    kind: text('kind').notNull(),
    sourceId: text('source_id').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbox_source_uq').on(t.connectionId, t.kind, t.sourceId),
    index('inbox_org_idx').on(t.orgId, t.id),
  ],
);

/** How far the billing has acknowledged its inbox; only ever moves forward. */
export const inboxAcks = pgTable('inbox_acks', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id),
  ackedThrough: bigint('acked_through', { mode: 'number' }).notNull(),
  updatedAt: updatedAt(),
});

export const connections = pgTable(
  'connections',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    platform: text('platform').notNull(),
    name: text('name').notNull(),
    /** AES-256-GCM envelope of the credentials JSON (see hub/secret-box); never returned or logged. */
    credentials: text('credentials'),
    settings: jsonb('settings').notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('connections_name_uq').on(t.orgId, t.name)],
);

/** API tokens are stored as sha256 hashes; an org_id of null makes an admin token. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  orgId: text('org_id').references(() => orgs.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
