import { createHash } from 'node:crypto';
import {
  BASELINE_HASH,
  countKindRecords,
  type DeliveryStatus,
  markBaseline,
  markDelivered,
  type OutboundPage,
  type OutboundRow,
  sourceTag,
} from '../../store/delivery-store.js';
import type { Db } from '../../store/open-store.js';
import { updateOperation } from '../../store/operation-store.js';
import { openRecordErrors } from '../../store/record-error-store.js';
import { seqWatermark } from '../../store/record-store.js';
import { ledgerOf, type OutboundStream, type WireRecord } from '../connector/connector.js';
import { PACKAGE_VERSION } from '../package-version.js';
import { payloadExcerpt } from '../payload-excerpt.js';
import { planBatches, type SizedRecord } from '../plan-batches.js';
import { wireHash } from '../wire-hash.js';
import { CommitQueue } from './commit-queue.js';
import { deliverBatch } from './deliver-batch.js';
import { keysWithMovedDependencies } from './dependency-changes.js';
import { healRefusals, noteDelivered } from './heal-refusals.js';
import {
  dropOutboundMarks,
  hasBaseline,
  readOutboundMark,
  writeBaseline,
  writeOutboundMark,
} from './outbound-mark.js';
import { outboundPages } from './outbound-pages.js';
import type { StreamRun } from './stream-run.js';
import { yieldToIo } from './yield-to-io.js';

const PAGE = 1000;

/**
 * Delta delivery of one outbound stream: reads the kind's records page by page, maps them to wire
 * records, and sends only those whose wire hash differs from what the platform last confirmed — an
 * unchanged re-sync sends nothing. Batches go out as they fill, at most
 * `policy.concurrency` at a time (one in flight by default).
 */
export async function syncOutboundStream(run: StreamRun, stream: OutboundStream): Promise<void> {
  await stream.prepare?.(run.ctx);
  const { engine, connection } = run;
  const db = engine.store.db;
  // A stream whose payload is its record, declared dependencies and settings keeps a mark like a
  // self-contained one; only a self-contained one may also skip records by their source tag.
  const dependent = !stream.selfContained && (stream.dependsOn?.length ?? 0) > 0;
  const fingerprint = stream.selfContained || dependent ? mappingFingerprint(run, stream) : undefined;
  const skipByTag = stream.selfContained ? fingerprint : undefined;
  const mark = fingerprint ? await readOutboundMark(db, connection.id, ledgerOf(stream)) : undefined;
  const baselined =
    stream.firstPass !== 'baseline' || (await hasBaseline(db, connection.id, ledgerOf(stream)));
  // The first pass of a baseline stream (none before, and no mark an earlier version left).
  if (!baselined && mark === undefined) return baselinePass(run, stream, fingerprint);
  const sizeOf = stream.sizeOf ?? defaultSize;
  const limits = {
    maxRecords: Math.min(stream.limits.maxRecords, run.maxBatchRecords ?? Number.POSITIVE_INFINITY),
    maxBytes: stream.limits.maxBytes,
  };
  const commits = new CommitQueue();
  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  const launch = async (batch: SizedRecord[]) => {
    while (inflight.size >= run.policy.concurrency) await Promise.race(inflight);
    if (failure) throw failure;
    const p: Promise<void> = deliverBatch(run, stream, batch, commits)
      .catch((err) => {
        failure ??= err;
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };

  // A self-contained stream in step up to a mark reads only what changed since; otherwise (first
  // pass, new settings or code, an incomplete last pass) it reads every record. The new mark is the
  // watermark taken before reading: what changes during the pass is read by the next one.
  const since = mark && mark.fingerprint === fingerprint ? mark.seq : undefined;
  const watermark = fingerprint ? await seqWatermark(db) : undefined;
  // Refusals whose dependency has arrived since are sent again, and records whose declared
  // dependencies changed are mapped again: an incremental pass reads them beside what changed.
  const healed = await healRefusals(run, stream);
  const moved =
    since !== undefined && watermark !== undefined
      ? await keysWithMovedDependencies(db, connection.orgId, stream, since, watermark)
      : [];
  const extraKeys = moved.length === 0 ? healed : [...new Set([...healed, ...moved])];
  const pages = outboundPages(run, stream, {
    since,
    fingerprint: skipByTag,
    pageSize: PAGE,
    extraKeys,
    upto: watermark,
  });
  // An incremental pass does not look at the records in step; they still count as unchanged.
  const total =
    since === undefined
      ? undefined
      : (run.kindTotals?.get(stream.kind) ?? (await countKindRecords(db, connection.orgId, stream.kind)));
  let scanned = 0;

  let pending: SizedRecord[] = [];
  let complete = false;
  // The next page is read while this one's batches are out: reading waits on the store, sending on
  // the platform, and neither should wait for the other.
  let ahead = pages.next();
  ahead.catch(() => {}); // awaited below; this only keeps an abandoned read from crashing the process
  try {
    for (;;) {
      if (run.signal.aborted || failure) break;
      const next = await ahead;
      if (!next.done) {
        await yieldToIo(); // the batches just launched get onto the wire before the next read
        ahead = pages.next();
        ahead.catch(() => {});
      }
      if (next.done) {
        complete = true;
        break;
      }
      const page = next.value;
      scanned += page.scanned;
      const changed = await changedRecords(run, stream, page, skipByTag);
      for (const c of changed) pending.push({ ...c, bytes: sizeOf(c.record) });
      const { batches, oversize } = planBatches(pending, limits);
      await refuseOversize(run, stream, oversize);
      // The last batch may still fill from the next page; hold it back unless this was the last page.
      const held = page.final ? undefined : batches.pop();
      pending = held ?? [];
      for (const b of batches) await launch(b);
    }
    if (pending.length > 0 && !run.signal.aborted && !failure) await launch(pending);
  } finally {
    await Promise.allSettled(inflight);
    await pages.return(undefined).catch(() => {});
    await commits.flush().catch((err) => {
      failure ??= err;
    });
  }
  if (complete && total !== undefined && total > scanned) {
    await updateOperation(db, run.runId, { add: { unchanged: total - scanned } });
  }
  if (commits.delivered > 0) await noteDelivered(db, connection.id, ledgerOf(stream));
  const clean = complete && !failure && !run.signal.aborted && commits.deadLetters === 0;
  // A stream in step before it became a baseline one (it had a mark): its first pass is behind it.
  if (!baselined && clean) await writeBaseline(db, connection.id, ledgerOf(stream));
  if (fingerprint && watermark !== undefined) {
    if (clean) {
      // The kind's total at the watermark, when it is known for sure: nothing committed since the
      // last mark (the run's count is it), or a full pass during which nothing was committed (it
      // read every record).
      const known =
        since === undefined
          ? (await seqWatermark(db)) === watermark
            ? scanned
            : undefined
          : since === watermark
            ? total
            : undefined;
      await writeOutboundMark(
        db,
        connection.id,
        ledgerOf(stream),
        { seq: watermark, fingerprint, ...(known !== undefined ? { total: known } : {}) },
        mark?.rev ?? 0,
      );
    } else if (failure || commits.deadLetters > 0) {
      await dropOutboundMarks(db, connection.id, ledgerOf(stream));
    }
  }
  if (failure) throw failure;
}

/**
 * A baseline stream's first pass on a connection: every record as it is now is taken as what the
 * platform has — marked delivered in one statement, nothing read, mapped or sent. The mark is the
 * watermark taken before: a record changed while marking is read (and sent) by the next pass.
 */
async function baselinePass(run: StreamRun, stream: OutboundStream, fingerprint: string | undefined) {
  const { engine, connection } = run;
  const db = engine.store.db;
  const watermark = await seqWatermark(db);
  const ledger = ledgerOf(stream);
  const marked = await markBaseline(
    db,
    connection.orgId,
    connection.id,
    stream.kind,
    fingerprint ?? '',
    ledger,
  );
  await updateOperation(db, run.runId, { add: { unchanged: marked } });
  if (fingerprint) {
    await writeOutboundMark(db, connection.id, ledger, { seq: watermark, fingerprint }, 0);
  }
  await writeBaseline(db, connection.id, ledger);
}

/**
 * Whether the platform has this record's payload: it confirmed the same hash, or a baseline took the
 * record as it still is (same content and deletion mark; the mapping may have changed since, but
 * the platform was never told anything to be corrected).
 */
export function inStep(row: OutboundRow | undefined, hash: string): boolean {
  if (!row) return false;
  if (row.deliveredHash === hash) return true;
  return (
    row.deliveredHash === BASELINE_HASH &&
    row.deliveredSource?.startsWith(`${row.recordHash}:${row.deleted ? 'd' : 'u'}:`) === true
  );
}

function defaultSize(record: WireRecord): number {
  return Buffer.byteLength(JSON.stringify(record.payload) ?? 'null') + record.key.length + 32;
}

/** Maps a page and keeps what changed; counts the rest as unchanged and records mapping refusals. */
async function changedRecords(
  run: StreamRun,
  stream: OutboundStream,
  page: OutboundPage,
  fingerprint: string | undefined,
): Promise<Array<{ record: WireRecord; hash: string; source: string | undefined }>> {
  const rows = page.rows;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const tagOf = (r: OutboundRow | undefined) =>
    fingerprint && r ? sourceTag(r.recordHash, r.deleted, fingerprint) : undefined;
  // A deletion is sent unless the platform refused the record outright. Without a confirmed delivery
  // the platform may still hold it: a batch can land and the process die before the confirmation
  // is committed. Connectors answer a delete of a key the platform does not have as done.
  const candidates = rows.filter((r) => !r.deleted || r.deliveredStatus !== 'rejected');
  const mapped =
    candidates.length === 0
      ? { records: [] }
      : await stream.toWire(
          candidates.map((r) => ({ key: r.key, data: r.data, deleted: r.deleted })),
          run.ctx,
        );
  const changed: Array<{ record: WireRecord; hash: string; source: string | undefined }> = [];
  // Same payload as confirmed, but the source tag was not there yet (first sync after an upgrade or
  // a settings change): remember the tag, so the next re-sync skips the record without mapping it.
  const retag: Array<{ key: string; hash: string; status: DeliveryStatus; source: string | undefined }> = [];
  for (const record of mapped.records) {
    const hash = wireHash(record);
    const row = byKey.get(record.key);
    if (!inStep(row, hash)) changed.push({ record, hash, source: tagOf(row) });
    else if (row && (fingerprint || row.deliveredHash !== hash) && row.deliveredStatus)
      retag.push({ key: row.key, hash, status: row.deliveredStatus, source: tagOf(row) });
  }
  if (retag.length > 0) await markDelivered(run.engine.store.db, run.connection.id, ledgerOf(stream), retag);
  const refusals = (mapped.rejected ?? []).flatMap((r) => {
    // The hash of the unmappable record itself: the same record is not reported again until it changes.
    const hash = wireHash({
      key: r.key,
      op: 'upsert',
      payload: { unmappable: byKey.get(r.key)?.data ?? null },
    });
    return byKey.get(r.key)?.deliveredHash === hash ? [] : [{ ...r, hash, source: tagOf(byKey.get(r.key)) }];
  });
  if (refusals.length > 0) {
    await commitRefusals(
      run,
      stream,
      refusals.map((r) => ({ ...r, excerpt: undefined })),
    );
  }
  const unchanged = page.scanned - changed.length - refusals.length;
  if (unchanged > 0) {
    await updateOperation(run.engine.store.db, run.runId, { add: { unchanged } });
    run.engine.metrics?.records.inc({ ...run.labels, kind: stream.kind, outcome: 'unchanged' }, unchanged);
  }
  return changed;
}

/**
 * What a self-contained stream's payload depends on besides the record: the platform, the kind, the
 * mapping's version, this package's version (code changes) and the connection's settings.
 */
function mappingFingerprint(run: StreamRun, stream: OutboundStream): string {
  return createHash('sha256')
    .update(
      JSON.stringify([run.connection.platform, stream.kind, stream.mappingVersion ?? 1, PACKAGE_VERSION]),
    )
    .update(JSON.stringify(run.connection.settings) ?? '')
    .digest('base64url')
    .slice(0, 16);
}

/** A record too large for any batch is refused here rather than sent to be refused. */
async function refuseOversize(
  run: StreamRun,
  stream: OutboundStream,
  oversize: readonly SizedRecord[],
): Promise<void> {
  if (oversize.length === 0) return;
  await commitRefusals(
    run,
    stream,
    oversize.map((r) => ({
      key: r.record.key,
      hash: r.hash,
      code: 'too_large',
      message: `the record is ${r.bytes} bytes on the wire; the platform takes at most ${stream.limits.maxBytes} in one request`,
      excerpt: payloadExcerpt(r.record.payload),
      source: r.source,
    })),
  );
}

async function commitRefusals(
  run: StreamRun,
  stream: OutboundStream,
  refusals: ReadonlyArray<{
    key: string;
    hash: string;
    code: string;
    message: string;
    excerpt: string | undefined;
    source?: string | undefined;
  }>,
): Promise<void> {
  const { connection } = run;
  await run.engine.store.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await markDelivered(
      tx,
      connection.id,
      ledgerOf(stream),
      refusals.map((r) => ({ key: r.key, hash: r.hash, status: 'rejected' as const, source: r.source })),
    );
    await openRecordErrors(tx, connection.orgId, connection.id, ledgerOf(stream), run.runId, refusals);
    await updateOperation(tx, run.runId, { add: { failed: refusals.length } });
  });
  run.engine.metrics?.records.inc({ ...run.labels, kind: stream.kind, outcome: 'rejected' }, refusals.length);
}
