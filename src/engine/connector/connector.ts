import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { EntityKindName } from '../../domain/entity-kinds.js';
import type { PaymentRegistry } from '../../domain/registry/payment-registry.js';
import type { ConnectionInfo } from '../../store/connection-store.js';
import type { Db } from '../../store/open-store.js';
import type { SecretBox } from '../../store/secret-box.js';
import type { PlatformFetch } from '../policy/platform-fetch.js';
import type { ConsoleExtension } from './console-extension.js';

/**
 * What a platform folder gives the engine. The engine knows platforms only through this contract:
 * the Airbyte verbs (check, read = inbound streams) plus outbound streams and served routes.
 */
export interface Connector<Settings = unknown, Credentials = unknown> {
  platform: string;
  /** One line for `--help` and the API. */
  title: string;
  /** Connection settings, validated whenever a connection is created or changed. */
  settings: z.ZodType<Settings>;
  /** Credentials (encrypted at rest); validated before a run starts. */
  credentials: z.ZodType<Credentials>;
  /** Credentials and reachability: a cheap authenticated call. Throws a PlatformError on failure. */
  check(ctx: ConnectorContext<Settings, Credentials>): Promise<CheckResult>;
  /** Outbound streams in dependency order (services and accounts before meters, meters before readings). */
  outbound: readonly OutboundStream<Settings, Credentials>[];
  /** Inbound streams, pulled in this order. */
  inbound: readonly InboundStream<Settings, Credentials>[];
  /** Ordered queues the connector keeps in the store and the engine drains (billing webhooks). */
  outboxes?: readonly OutboxStream<Settings, Credentials>[];
  /**
   * Routes the platform calls on us (is74), mounted under `/p/<platform>/<connection id>/`. The
   * hub's API token does not apply there: the routes authenticate the platform themselves.
   */
  served?: ServedRoutes<Settings, Credentials>;
  /**
   * Routes the billing calls for this platform's own commands (decisions on registration requests,
   * is74 users), mounted under `/v1` behind the hub's token like every billing route.
   */
  billingRoutes?: BillingRoutes;
  /** What the operator console shows for the platform beyond its core pages (over `billingRoutes`). */
  console?: ConsoleExtension;
  /**
   * The platform learns of changes only when we tell it (is74 callbacks): a billing write that
   * changed one of these canonical kinds starts an outbound run of the organisation's connections
   * (unless a connection's `settings.syncOnChange` is false).
   */
  syncOnChange?: { kinds: readonly string[] };
  /** Bank payment registries from the payments this platform's connections pulled (Doma.ai). */
  paymentRegistries?: PaymentRegistrySource;
  /**
   * What the platform holds of some outbound streams' records, read back for a reconciliation
   * (Doma.ai's `all*` lists). A platform that cannot be read back has none: its report is local only.
   */
  readBack?: readonly (ReadBack<Settings, Credentials> | InboxReadBack<Settings, Credentials>)[];
}

/**
 * Reads back what the platform holds of data it sends us («Умное ЖКХ»'s full download lists), to
 * compare with this connection's inbox items of one kind: what we never received, what we hold that
 * the platform no longer has, amounts that differ.
 */
export interface InboxReadBack<Settings = unknown, Credentials = unknown> {
  /** The inbox kind compared (`payment`); a platform record's `key` is its inbox source id. */
  inboxKind: string;
  /** What an inbox item of ours says the platform holds. */
  expectItem(payload: unknown): RemoteFacts;
  /**
   * Inbox items that tell of a deletion: the items they name are no longer expected on the platform
   * (`keyOf` answers the deleted item's source id, or undefined for other kinds' deletions).
   */
  deletions?: { inboxKind: string; keyOf(payload: unknown): string | undefined };
  read(ctx: ConnectorContext<Settings, Credentials>): AsyncIterable<readonly RemoteRecord[]>;
}

/**
 * Reads back what the platform holds of one outbound stream's records and says what it should hold
 * of each record we had confirmed, so a reconciliation can compare the two without knowing the
 * platform.
 */
export interface ReadBack<Settings = unknown, Credentials = unknown> {
  /** The outbound stream's ledger (its kind, unless it names a ledger) whose records this compares. */
  ledger: string;
  /** What the platform should hold of a wire record it confirmed (the amount it should show). */
  expect(record: WireRecord): RemoteFacts;
  /** Every record the platform holds for the connection, a page at a time. */
  read(ctx: ConnectorContext<Settings, Credentials>): AsyncIterable<readonly RemoteRecord[]>;
}

/** What a reconciliation compares of one record. */
export interface RemoteFacts {
  /** The record's amount in kopecks (a receipt's total to pay), when it has one. */
  amount?: number | undefined;
}

/** One record as the platform holds it. */
export interface RemoteRecord extends RemoteFacts {
  platformId: string;
  /** Our key of the record (the platform carries it, or the id map has it); undefined when unknown. */
  key: string | undefined;
  /** A few words that let an operator find the record on the platform (account, period). */
  label?: string | undefined;
}

export interface CheckResult {
  ok: true;
  /** What the platform said about us (an account name, an organisation): shown to the operator. */
  detail?: string;
}

export interface ConnectionRef<Settings = unknown> {
  id: string;
  orgId: string;
  platform: string;
  settings: Settings;
}

/** What a connector call may use; the engine builds one per run. */
export interface ConnectorContext<Settings = unknown, Credentials = unknown> {
  connection: ConnectionRef<Settings>;
  credentials: Credentials;
  /** fetch with the run's timeout and the platform-error mapping (throws PlatformError subclasses). */
  fetch: PlatformFetch;
  /**
   * Per-connection session state that outlives one call (an auth token). The engine clears it when a
   * call fails with AuthExpiredError, so the next call logs in again.
   */
  session: Map<string, unknown>;
  /** Cancelled when the run is cancelled or the process stops. */
  signal: AbortSignal;
  /** The id map of this connection. */
  ids: IdMapView;
  /**
   * Other canonical records of the connection's organisation, for a `toWire` whose payload needs
   * them (an account's address lives on its premise and house). Absent in hand-built contexts.
   */
  records?: RecordsView;
  /**
   * The store, for a stream whose payload depends on other records than its own (is74's callbacks
   * read the contract's balances and users). Read only; absent outside runs.
   */
  db?: Db | undefined;
}

/** Live canonical records by kind and key, as a stream's `toWire` may load them (one query a page). */
export interface RecordsView {
  /** The live (not deleted) records of `kind` among `keys`, by key; missing keys are left out. */
  get(kind: string, keys: readonly string[]): Promise<Map<string, unknown>>;
}

/** The id map as a connector sees it: (entity, our key) ↔ platform id. */
export interface IdMapView {
  platformIdOf(entity: string, key: string): Promise<string | undefined>;
  /**
   * The platform ids of several keys at once, by key (keys without one are left out). The engine's
   * view has it; hand-built ones may not.
   */
  platformIdsOf?(entity: string, keys: readonly string[]): Promise<Map<string, string>>;
  keyOf(entity: string, platformId: string): Promise<string | undefined>;
}

/** A canonical record as the engine hands it to an outbound stream. */
export interface CanonicalRow {
  key: string;
  /** The canonical record (API shape decoded: money in kopecks). */
  data: unknown;
  deleted: boolean;
}

/** One record ready for the wire. `payload` is hashed: the same payload is never sent twice. */
export interface WireRecord {
  /** Our key (the canonical key). */
  key: string;
  op: 'upsert' | 'delete';
  payload: unknown;
}

export type RecordOutcome =
  | { status: 'ok'; platformId?: string | undefined }
  | { status: 'rejected'; code: string; message: string };

export interface OutboundStream<Settings = unknown, Credentials = unknown> {
  /**
   * The kind this stream reads: a canonical kind, or records a connector derives and keeps in the
   * records table itself (is74's contract views).
   */
  kind: EntityKindName | (string & {});
  /** Id-map entity name (defaults to `kind`). */
  entity?: string;
  /**
   * The name the stream's confirmed deliveries, outbound marks and record errors are kept under
   * (defaults to `kind`). A second stream reading the same kind needs its own (Doma.ai's generated
   * ЕПД read receipts, beside the receipts stream).
   */
  ledger?: string;
  /** Whether the connection's settings turn this stream on (default: always on). */
  enabled?(settings: Settings): boolean;
  /**
   * The wire payload is a function of the canonical record and the connection's settings alone (no
   * other records, no id map). Then a re-sync skips a record whose content and settings are as they
   * were at its last confirmed delivery without reading or mapping it. Bump `mappingVersion` when
   * the mapping code changes what it produces.
   */
  selfContained?: boolean;
  mappingVersion?: number;
  /**
   * The other records the wire payload is made of, besides the record and the settings (a receipt
   * needs its account, the account's premise and the premise's house). With them declared, a
   * re-sync reads only the records whose own seq moved since the last complete pass, and those
   * that reference — directly or through the chain — a dependency whose seq moved: found through
   * the `field` of the referencing kind (an index on it, see drizzle/0006), never by a scan. A
   * payload that also depends on anything else (the clock, the id map, records not declared) must
   * not declare them. Bump `mappingVersion` when the mapping code changes what it produces.
   */
  dependsOn?: readonly StreamDependency[];
  /**
   * The platform may answer a 5xx because of a record in the request (DomControl: "400–500 Ошибка
   * при импорте"). Then, once the policy's retries for a 5xx are spent, the engine splits the batch
   * to find the record instead of dead-lettering the whole batch — bounded, so that a platform
   * answering 5xx to everything still costs one dead letter per batch (see split-after-server-error).
   */
  serverErrorsMayBeData?: boolean;
  /**
   * Refusals that mean "a record this one needs is not there yet" — the billing sent a reading
   * before its meter, a counter before its account: refusal code → the kinds whose arrival may
   * heal it. Once records of one of those kinds change in the hub or are delivered on this
   * connection after the refusal, the engine sends the refused records again (in the same run when
   * the dependency's stream ran earlier in it, else in the next), with no `retry-failed`. A record
   * still refused stays refused until its dependencies move again (see heal-refusals).
   */
  dependencyErrors?: Readonly<Record<string, readonly string[]>>;
  /**
   * Brings the records the stream reads up to date before a pass reads them (records the connector
   * derives from others: is74's contract views). Runs before the pass takes its watermark.
   */
  prepare?(ctx: ConnectorContext<Settings, Credentials>): Promise<void>;
  /**
   * What a connection's first pass of the stream does. `send` (default): deliver every record.
   * `baseline`: the records as they are now are taken as what the platform already has — marked
   * delivered in one statement, nothing read or sent (is74: the core reads everything of a resident
   * when they sign in); later passes send what changes. Only the very first pass: a pass after
   * `resend-all` sends everything.
   */
  firstPass?: 'send' | 'baseline';
  /** Batch limits; `maxBytes` is measured by `sizeOf` (defaults to UTF-8 JSON length). */
  limits: { maxRecords: number; maxBytes: number };
  /**
   * Maps canonical rows to wire records, one call per page of rows (so a stream can load what it
   * needs in one query). Return no record for a row to skip it — a deletion the platform has no verb
   * for, or a row it does not carry. A row that cannot be mapped is reported in `rejected`.
   */
  toWire(
    rows: readonly CanonicalRow[],
    ctx: ConnectorContext<Settings, Credentials>,
  ): Promise<{ records: WireRecord[]; rejected?: Array<{ key: string; code: string; message: string }> }>;
  /** The platform's own measure of a record's size on the wire, in bytes. */
  sizeOf?(record: WireRecord): number;
  /**
   * Sends one batch and answers one outcome per record, in input order. A failure of the whole
   * request is thrown (a PlatformError): the engine retries, waits, re-authenticates or splits.
   * Delivery is at least once: the same upsert may come twice, and a delete may come for a key the
   * platform never got — answer that as `ok`.
   */
  deliver(
    batch: readonly WireRecord[],
    ctx: ConnectorContext<Settings, Credentials>,
  ): Promise<RecordOutcome[]>;
}

/** One entry of an outbox: the id that orders the queue, and what goes on the wire. */
export interface OutboxEntry {
  id: number;
  payload: unknown;
}

/**
 * An ordered queue a connector keeps in the store (the billing's webhook events). The engine takes
 * the oldest entries a batch at a time, delivers each batch under the run's retry policy, and
 * removes entries only once the platform acknowledged them. A batch the policy gives up on stays
 * queued and ends the pass: later entries never overtake it. At least once: a batch acknowledged
 * but not yet removed when the process dies is sent again.
 */
export interface OutboxStream<Settings = unknown, Credentials = unknown> {
  name: string;
  /** Entries in one request on this connection (the run's `maxBatchRecords` may lower it). */
  batchSize(settings: Settings): number;
  /**
   * The oldest `limit` queued entries of the connection, in queue order — after the entry `after`
   * when given (the engine reads the next batch while the last one is out).
   */
  take(
    ctx: ConnectorContext<Settings, Credentials>,
    limit: number,
    after: number | undefined,
  ): Promise<OutboxEntry[]>;
  /** Sends one batch; a failure of the request is thrown (a PlatformError) for the policy to judge. */
  deliver(entries: readonly OutboxEntry[], ctx: ConnectorContext<Settings, Credentials>): Promise<void>;
  /** Removes acknowledged entries from the queue. */
  remove(entries: readonly OutboxEntry[], ctx: ConnectorContext<Settings, Credentials>): Promise<void>;
  /** Enabled connections with entries waiting, so that workers start their runs (see outbox-pump). */
  waiting(db: Db): Promise<Array<{ orgId: string; connectionId: string }>>;
}

/**
 * One link of a stream's dependency chain: records of `kind` are named by the `field` of the
 * records of `from` (the stream's own kind unless said), by their key: `{ kind: 'account', field:
 * 'accountNumber' }`, then `{ kind: 'premise', from: 'account', field: 'premiseId' }`. Declare the
 * links nearest first: a link's `from` must be the stream's kind or a kind declared before it.
 */
export interface StreamDependency {
  kind: string;
  from?: string;
  field: string;
}

/** One inbound entry for the billing's inbox (and optionally a canonical record to upsert). */
export interface InboundItem {
  /** Inbox kind (`reading`, `payment`, `ticket`, …). */
  kind: string;
  /** The platform's stable id of this item: a redelivery with the same id adds nothing. */
  sourceId: string;
  payload: unknown;
  /** Id-map entries learned from this item: (entity, our key) ↔ platform id. */
  ids?: Array<{ entity: string; key: string; platformId: string; temporary?: boolean }>;
}

export interface InboundPage {
  items: InboundItem[];
  /** The checkpoint after this page; stored in the same transaction as the items. */
  checkpoint: unknown;
  /** Handed to `ack` after the commit (the guids to delete, a cursor). */
  ackToken?: unknown;
  /** More pages are waiting. */
  hasMore: boolean;
}

export interface InboundStream<Settings = unknown, Credentials = unknown> {
  name: string;
  /** Bumped when the checkpoint's shape changes: an older checkpoint is then ignored (full re-read). */
  checkpointVersion: number;
  pull(checkpoint: unknown, ctx: ConnectorContext<Settings, Credentials>): Promise<InboundPage>;
  /** Acknowledges a page after its items and checkpoint are committed. */
  ack?(ackToken: unknown, ctx: ConnectorContext<Settings, Credentials>): Promise<void>;
}

/** What a served route may use to answer the platform and to record what happened. */
export interface ServedContext<Settings = unknown, Credentials = unknown> {
  connection: ConnectionRef<Settings>;
  /** The connection's credentials (decrypted): what the platform must present to call us. */
  credentials: Credentials;
  /** The store, to answer from canonical records and to land what the platform sends. */
  db: Db;
  /** Opens secrets sealed at rest (is74 residents' passwords); absent when the hub has no key. */
  box?: SecretBox | undefined;
  /** Records a served call as an operation (`callback` type) with its counts. */
  record(op: {
    kind?: string;
    received?: number;
    unchanged?: number;
    failed?: number;
    error?: string;
  }): Promise<void>;
}

export interface ServedRoutes<Settings = unknown, Credentials = unknown> {
  /**
   * Registers the platform's routes on `app` (already prefixed with `/p/<platform>/:connectionId`).
   * `resolve` finds the connection of a request; it answers 404 for an unknown or disabled one.
   */
  register(
    app: FastifyInstance,
    resolve: (connectionId: string) => Promise<ServedContext<Settings, Credentials> | undefined>,
  ): void;
}

/** What a platform's billing routes may use. */
export interface BillingRouteContext {
  db: Db;
  box: SecretBox | undefined;
  /** The hub's record limit per request. */
  maxRecords: number;
  /**
   * Checks that the request's token may act for `orgId` and that the organisation exists (throws
   * the hub's 403/404 otherwise); answers the organisation's id.
   */
  resolveOrg(req: FastifyRequest, orgId: string): Promise<string>;
  /**
   * The organisation's connection a path names, by id or by name alike, as on every
   * `/v1/orgs/{org}/connections/{id}/…` route (throws the hub's 404 otherwise).
   */
  resolveConnection(orgId: string, idOrName: string): Promise<ConnectionInfo>;
  /**
   * Tells the hub that a billing command changed records of `kind` (after its commit): connectors
   * whose `syncOnChange` lists the kind get their run. Undefined in a hub without an engine.
   */
  changed?(orgId: string, kind: string): void;
  /** Starts a run of one connection; undefined in a hub without an engine. */
  trigger?(
    orgId: string,
    req: {
      connectionId: string;
      kinds?: string[];
      direction: 'outbound' | 'inbound' | 'both';
      trigger: string;
    },
  ): Promise<Array<{ id: number }>>;
}

export interface BillingRoutes {
  register(app: FastifyInstance, ctx: BillingRouteContext): void;
}

/** Builds a transfer date's bank payment registries of one connection from its inbox payments. */
export interface PaymentRegistrySource {
  build(
    db: Db,
    connection: { id: string; orgId: string; settings: unknown },
    date: string,
  ): Promise<{ registries: PaymentRegistry[]; encoding: 'windows-1251' | 'utf-8' }>;
}

/** Where a stream's deliveries, marks and record errors live: its ledger, else its kind. */
export function ledgerOf(stream: Pick<OutboundStream, 'kind' | 'ledger'>): string {
  return stream.ledger ?? stream.kind;
}
