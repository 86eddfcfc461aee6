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
  // The change index is on seq alone: the engine reads "changed since" by it. An (org, kind, seq)
  // index looked as good as the primary key to a planner without statistics (PGlite), which then
  // scanned a whole kind for every key lookup.
  (t) => [
    primaryKey({ columns: [t.orgId, t.kind, t.key] }),
    index('records_change_idx').on(t.seq),
    // is74's Data Provider answers by лицевой счёт: a user's contracts, balances and receipts, and
    // the users of an account (is74_user_account links). The expression leads, so a planner without
    // statistics cannot take it for a scan of a whole kind.
    index('records_account_idx')
      .on(sql`(data->>'accountNumber')`, t.orgId, t.kind)
      .where(sql`kind IN ('contract', 'balance', 'receipt', 'is74_user_account')`),
    // is74 users sign in by login.
    index('records_is74_login_idx').on(sql`(data->>'login')`, t.orgId).where(sql`kind = 'is74_user'`),
    // An ЕПД shows its account's meters and their latest readings.
    index('records_meter_account_idx').on(sql`(data->>'accountNumber')`, t.orgId).where(sql`kind = 'meter'`),
    index('records_reading_meter_idx').on(sql`(data->>'meterId')`, t.orgId).where(sql`kind = 'reading'`),
    // is74 contract views (derived records, see platforms/is74 and is74_dirty): a user's views by
    // лицевой счёт, and the views a changed premise or house shows in.
    index('records_is74_view_account_idx')
      .on(sql`(data->>'accountNumber')`, t.orgId)
      .where(sql`kind = 'is74_contract_view'`),
    index('records_is74_view_premise_idx')
      .on(sql`(data->>'premiseId')`, t.orgId)
      .where(sql`kind = 'is74_contract_view'`),
    index('records_is74_view_house_idx')
      .on(sql`(data->>'houseId')`, t.orgId)
      .where(sql`kind = 'is74_contract_view'`),
    // Dependency-aware change detection: the accounts of a changed premise, the premises of a
    // changed house (a receipt's accounts are found by records_account_idx, a reading's meters by
    // records_reading_meter_idx).
    index('records_account_premise_idx').on(sql`(data->>'premiseId')`, t.orgId).where(sql`kind = 'account'`),
    index('records_premise_house_idx').on(sql`(data->>'houseId')`, t.orgId).where(sql`kind = 'premise'`),
  ],
);

/**
 * What changed since is74's contract views were last brought up to date: a trigger on `records`
 * (migration 0003) adds a row for every write of a contract, balance, account, premise, house or
 * tariff of an organisation that has contracts (`is74_view_orgs`), in the writer's own transaction — so any writer,
 * in any process, leaves a trace the view refresher sees once it commits. `kind` is `account`
 * (a лицевой счёт whose contracts' views may differ), `premise`, `house` or `tariff`; `ref` its key.
 */
export const is74Dirty = pgTable('is74_dirty', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: text('org_id').notNull(),
  kind: text('kind').notNull(),
  ref: text('ref').notNull(),
});

/** The organisations that have (or had) contracts: only their writes leave is74 change marks. */
export const is74ViewOrgs = pgTable('is74_view_orgs', {
  orgId: text('org_id').primaryKey(),
});

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

/**
 * Where each named export of an organization has got to in its inbox (`zhkh-bridge export --ack`):
 * the last inbox cursor a billing confirmed it loaded. Moves only when asked, never back.
 */
export const exportCursors = pgTable(
  'export_cursors',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.name] })],
);

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

/*
 * The engine's tables (deliveries, id_map, checkpoints, record_errors) carry no foreign key to
 * connections: a per-row trigger cost 30–45% of every delivery write. deleteConnection removes their
 * rows itself.
 */

/**
 * Delta delivery: per (connection, kind, key) the hash of the last wire payload the platform
 * confirmed (`ok`) or refused on purpose (`rejected`, not resent until the payload changes or an
 * operator retries). A record is sent when it has no row or its payload hash differs.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    connectionId: text('connection_id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    hash: text('hash').notNull(),
    status: text('status').notNull(),
    /**
     * The canonical record's hash, deletion mark and the stream's mapping fingerprint when the
     * payload was confirmed. While they are the same, a self-contained stream's payload is the same
     * too, so a re-sync skips the record without reading or mapping it.
     */
    source: text('source'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.kind, t.key] })],
);

/** (connection, entity, our key) ↔ platform id; `temporary` marks ids the platform will replace. */
export const idMap = pgTable(
  'id_map',
  {
    connectionId: text('connection_id').notNull(),
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    platformId: text('platform_id').notNull(),
    temporary: boolean('temporary').notNull().default(false),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull().defaultNow(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.entity, t.key] }),
    uniqueIndex('id_map_platform_uq').on(t.connectionId, t.entity, t.platformId),
  ],
);

/** Inbound position per (connection, stream); `rev` only grows, so a stale writer cannot move it back. */
export const checkpoints = pgTable(
  'checkpoints',
  {
    connectionId: text('connection_id').notNull(),
    stream: text('stream').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    value: jsonb('value').notNull(),
    rev: bigint('rev', { mode: 'number' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.stream] })],
);

/**
 * Everything the engine does is an operation: a sync run, each delivered batch, each inbound page,
 * each served callback, each check. Children point at their run through `parent_id`.
 */
export const operations = pgTable(
  'operations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    connectionId: text('connection_id').notNull(),
    platform: text('platform').notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    type: text('type').notNull(),
    kind: text('kind'),
    state: text('state').notNull(),
    trigger: text('trigger'),
    options: jsonb('options').notNull().default({}),
    planned: bigint('planned', { mode: 'number' }),
    sent: bigint('sent', { mode: 'number' }).notNull().default(0),
    unchanged: bigint('unchanged', { mode: 'number' }).notNull().default(0),
    failed: bigint('failed', { mode: 'number' }).notNull().default(0),
    received: bigint('received', { mode: 'number' }).notNull().default(0),
    acknowledged: bigint('acknowledged', { mode: 'number' }).notNull().default(0),
    requests: bigint('requests', { mode: 'number' }).notNull().default(0),
    lastError: text('last_error'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('operations_org_idx').on(t.orgId, t.type, t.id),
    index('operations_conn_idx').on(t.connectionId, t.type, t.id),
    index('operations_parent_idx').on(t.parentId),
  ],
);

/** The current error of a record on a connection (one row per record; resolved when it lands). */
export const recordErrors = pgTable(
  'record_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    connectionId: text('connection_id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    runId: bigint('run_id', { mode: 'number' }),
    code: text('code').notNull(),
    message: text('message').notNull(),
    /** A short excerpt of the wire payload with personal fields masked (see engine/payload-excerpt). */
    excerpt: text('excerpt'),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(1),
    state: text('state').notNull(),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull().defaultNow(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('record_errors_uq').on(t.connectionId, t.kind, t.key),
    index('record_errors_org_idx').on(t.orgId, t.state, t.id),
    // Metrics count the open errors per connection and code at every scrape.
    index('record_errors_open_idx').on(t.connectionId, t.code).where(sql`state = 'open'`),
  ],
);

/**
 * Finished runs per connection and final state, and when the last one finished. Kept apart from
 * `operations` so pruning old runs neither loses a connection's last success nor makes the run
 * counters (`zhkh_run_state_total`) go backwards.
 */
export const connectionRunStats = pgTable(
  'connection_run_stats',
  {
    connectionId: text('connection_id').notNull(),
    state: text('state').notNull(),
    runs: bigint('runs', { mode: 'number' }).notNull().default(0),
    lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.state] })],
);

/**
 * Events for the billing's webhooks (migration 0007): triggers on `inbox`, `operations` (a run's
 * end) and `record_errors` add one, in the writer's own transaction, for every organisation that
 * has a webhook endpoint. The id is the event's id the billing deduplicates on and the replay cursor.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: text('org_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_events_org_idx').on(t.orgId, t.id)],
);

/**
 * What each webhook endpoint (a connection of platform `webhook`) has still to deliver: a row per
 * (endpoint, event), removed once the endpoint answered 2xx for it. Nothing else removes one.
 */
export const webhookQueue = pgTable(
  'webhook_queue',
  {
    connectionId: text('connection_id').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.eventId] })],
);
