import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';

export type DeliveryStatus = 'ok' | 'rejected';

/** A canonical record beside what was last delivered of it on one connection. */
export interface OutboundRow {
  key: string;
  /** The canonical record's content hash. */
  recordHash: string;
  data: unknown;
  deleted: boolean;
  deliveredHash: string | null;
  deliveredStatus: DeliveryStatus | null;
  /** The delivery's source tag (see `sourceTag`), when it has one. */
  deliveredSource: string | null;
}

export interface OutboundPage {
  /** Records of the page that may need sending (all of them without a fingerprint). */
  rows: OutboundRow[];
  /** Records the page covered, skipped ones included. */
  scanned: number;
  /** The page's last key: where the next page starts; undefined when there was nothing left. */
  last: string | undefined;
}

/** What a delivery remembers of its source record: see `deliveries.source`. */
export function sourceTag(recordHash: string, deleted: boolean, fingerprint: string): string {
  return `${recordHash}:${deleted ? 'd' : 'u'}:${fingerprint}`;
}

/**
 * The hash of a delivery recorded by a baseline (see `markBaseline`): no payload was sent, the
 * platform is taken to have the record as its source tag says.
 */
export const BASELINE_HASH = 'baseline';

/**
 * Takes every record of a kind as already on the platform, in one statement: a delivery per record
 * with `BASELINE_HASH` and the record's source tag, leaving deliveries that exist alone. Answers how
 * many records it marked.
 */
export async function markBaseline(
  db: Db,
  orgId: string,
  connectionId: string,
  kind: string,
  fingerprint: string,
  ledger: string = kind,
): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(
    db,
    sql`
    WITH marked AS (
      INSERT INTO deliveries (connection_id, kind, key, hash, status, source)
      SELECT ${connectionId}, ${ledger}, r.key, ${BASELINE_HASH}, 'ok',
        r.hash || ':' || CASE WHEN r.deleted_at IS NULL THEN 'u' ELSE 'd' END || ':' || ${fingerprint}
      FROM records r WHERE r.org_id = ${orgId} AND r.kind = ${kind}
      ON CONFLICT (connection_id, kind, key) DO NOTHING
      RETURNING 1)
    SELECT count(*) AS n FROM marked`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * One page of a kind's records in key order, each with the hash of the payload the connection last
 * had confirmed. Key order (not seq) gives stable pages while records keep changing underneath.
 * With a `fingerprint` (self-contained streams), records whose delivery still carries their source
 * tag are left out: their payload is as confirmed.
 */
export async function readOutboundPage(
  db: Db,
  orgId: string,
  connectionId: string,
  kind: string,
  after: string | undefined,
  limit: number,
  fingerprint?: string | undefined,
  /** Whose deliveries (a stream's ledger); the kind's own by default. */
  ledger: string = kind,
): Promise<OutboundPage> {
  // Each record finds its delivery through a scalar subquery: always a lookup by the deliveries'
  // primary key. A join lets the planner (PGlite has no statistics until analyzed) scan every
  // delivery of the connection for every page, which made a full pass quadratic.
  const rows = await queryRows<RecordWithDelivery>(
    db,
    sql`
    SELECT ${recordWithDelivery(connectionId, ledger)}
    FROM records r
    WHERE r.org_id = ${orgId} AND r.kind = ${kind} ${after === undefined ? sql`` : sql`AND r.key > ${after}`}
    ORDER BY r.key LIMIT ${limit}`,
  );
  const out: OutboundRow[] = [];
  for (const r of rows) {
    const [hash, status, source] = pgTextArray(r.hs);
    if (fingerprint && source === sourceTag(r.hash, r.deleted, fingerprint)) continue;
    out.push(toOutboundRow(r, hash, status, source));
  }
  return { rows: out, scanned: rows.length, last: rows[rows.length - 1]?.key };
}

/** A record row with what was last delivered of it on a ledger (`hs`: hash, status, source). */
interface RecordWithDelivery {
  key: string;
  hash: string;
  deleted: boolean;
  data: unknown;
  hs: string[] | string | null;
}

/**
 * The select list of a record `r` with its delivery on a ledger. Each record finds its delivery
 * through a scalar subquery: always a lookup by the deliveries' primary key (see readOutboundPage).
 */
function recordWithDelivery(connectionId: string, ledger: string): SQL {
  return sql`r.key, r.hash, r.deleted_at IS NOT NULL AS deleted, r.data,
      (SELECT ARRAY[d.hash, d.status, d.source] FROM deliveries d
        WHERE d.connection_id = ${connectionId} AND d.kind = ${ledger} AND d.key = r.key) AS hs`;
}

/** Records what the platform confirmed or refused, so the next sync sends only what changed. */
export async function markDelivered(
  db: Db,
  connectionId: string,
  kind: string,
  entries: ReadonlyArray<{
    key: string;
    hash: string;
    status: DeliveryStatus;
    source?: string | null | undefined;
  }>,
): Promise<void> {
  if (entries.length === 0) return;
  const payload = JSON.stringify(
    entries.map((e) => ({ k: e.key, h: e.hash, s: e.status, o: e.source ?? null })),
  );
  await db.execute(sql`
    INSERT INTO deliveries (connection_id, kind, key, hash, status, source)
    SELECT ${connectionId}, ${kind}, t.k, t.h, t.s, t.o
    FROM jsonb_to_recordset(${payload}::jsonb) AS t(k text, h text, s text, o text)
    ON CONFLICT (connection_id, kind, key) DO UPDATE
      SET hash = excluded.hash, status = excluded.status, source = excluded.source, delivered_at = now()`);
}

/**
 * Forgets what was delivered (all, or only the refused records) for one connection and optionally one
 * kind, so the next sync sends those records again. Canonical data is not touched.
 */
export async function resetDeliveries(
  db: Db,
  connectionId: string,
  opts: { kind?: string | undefined; onlyRejected?: boolean } = {},
): Promise<number> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`
    DELETE FROM deliveries WHERE connection_id = ${connectionId}
      ${opts.kind ? sql`AND kind = ${opts.kind}` : sql``}
      ${opts.onlyRejected ? sql`AND status = 'rejected'` : sql``}
    RETURNING key`,
  );
  return rows.length;
}

/**
 * Records of a kind by key (those changed after `maxSeq` left out: an incremental pass reads them
 * anyway), with what was last delivered of each — the records a pass must look at besides its
 * changed ones (refusals re-queued by heal-refusals).
 */
export async function readKeyedPage(
  db: Db,
  orgId: string,
  connectionId: string,
  kind: string,
  keys: readonly string[],
  maxSeq: number,
  ledger: string = kind,
): Promise<OutboundPage> {
  if (keys.length === 0) return { rows: [], scanned: 0, last: undefined };
  const rows = await queryRows<RecordWithDelivery>(
    db,
    sql`
    SELECT ${recordWithDelivery(connectionId, ledger)}
    FROM jsonb_array_elements_text(${JSON.stringify([...new Set(keys)])}::jsonb) AS wanted(key)
    JOIN LATERAL (SELECT * FROM records x
      WHERE x.org_id = ${orgId} AND x.kind = ${kind} AND x.key = wanted.key AND x.seq <= ${maxSeq}) r ON true`,
  );
  return {
    scanned: rows.length,
    last: rows[rows.length - 1]?.key,
    rows: rows.map((r) => {
      const [hash, status, source] = pgTextArray(r.hs);
      return toOutboundRow(r, hash, status, source);
    }),
  };
}

/**
 * How many records of a kind the organisation has (a run's progress denominator, and the records an
 * incremental pass counts unchanged without reading them): the kind's own range of the key index.
 */
export async function countKindRecords(db: Db, orgId: string, kind: string): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM records WHERE org_id = ${orgId} AND kind = ${kind}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A text[] as the driver hands it: an array, or (raw) `{a,b}` — our values never need quoting. */
function pgTextArray(v: string[] | string | null): Array<string | undefined> {
  if (v === null) return [];
  if (Array.isArray(v)) return v;
  return v.replace(/^\{|\}$/g, '').split(',');
}

/**
 * Records of a kind changed after `afterSeq` (created, updated or deleted), in change order, with
 * what was last delivered of each: the incremental pass of a self-contained stream. `last` is the
 * seq to continue after.
 */
export async function readChangedPage(
  db: Db,
  orgId: string,
  connectionId: string,
  kind: string,
  afterSeq: number,
  limit: number,
  ledger: string = kind,
): Promise<OutboundPage & { lastSeq: number | undefined }> {
  const rows = await queryRows<{
    key: string;
    hash: string;
    seq: string | number;
    deleted: boolean;
    data: unknown;
    hs: string[] | string | null;
  }>(
    db,
    sql`
    SELECT r.key, r.hash, r.seq, r.deleted_at IS NOT NULL AS deleted, r.data,
      (SELECT ARRAY[d.hash, d.status, d.source] FROM deliveries d
        WHERE d.connection_id = ${connectionId} AND d.kind = ${ledger} AND d.key = r.key) AS hs
    FROM records r
    WHERE r.seq > ${afterSeq} AND r.org_id = ${orgId} AND r.kind = ${kind}
    ORDER BY r.seq LIMIT ${limit}`,
  );
  const lastRow = rows[rows.length - 1];
  return {
    scanned: rows.length,
    last: lastRow?.key,
    lastSeq: lastRow ? Number(lastRow.seq) : undefined,
    rows: rows.map((r) => {
      const [hash, status, source] = pgTextArray(r.hs);
      return toOutboundRow(r, hash, status, source);
    }),
  };
}

function toOutboundRow(
  r: { key: string; hash: string; deleted: boolean; data: unknown },
  hash: string | undefined,
  status: string | undefined,
  source: string | undefined,
): OutboundRow {
  return {
    key: r.key,
    recordHash: r.hash,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    deleted: r.deleted,
    deliveredHash: hash ?? null,
    deliveredStatus: (status as DeliveryStatus | undefined) ?? null,
    deliveredSource: source ?? null,
  };
}

/**
 * Forgets what was delivered of these records on one connection's ledger, so the next sync sends
 * them again (a reconciliation found the platform's copy differs, or a refusal's dependency
 * arrived). Answers how many were forgotten.
 */
export async function forgetDeliveries(
  db: Db,
  connectionId: string,
  ledger: string,
  keys: readonly string[],
): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await queryRows<{ key: string }>(
    db,
    sql`
    DELETE FROM deliveries WHERE connection_id = ${connectionId} AND kind = ${ledger}
      AND key = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))
    RETURNING key`,
  );
  return rows.length;
}
