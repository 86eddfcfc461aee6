import { getConnection, readCredentials } from '../../store/connection-store.js';
import { inboxItemsOf } from '../../store/inbox-store.js';
import { getLiveRecords } from '../../store/record-store.js';
import { safeError } from '../../store/safe-error.js';
import { connectionSession } from '../connector/connection-session.js';
import { type ConnectorContext, ledgerOf, type ReadBack } from '../connector/connector.js';
import type { EngineContext } from '../engine-context.js';
import { createPlatformFetch } from '../policy/platform-fetch.js';
import { runWithRetry } from '../policy/run-with-retry.js';
import { resolveConnector } from '../run/resolve-connector.js';
import { compareRemote } from './compare-remote.js';
import { scanLedger } from './ledger-status.js';
import type { ReconciliationReport, RemoteComparison } from './reconciliation-report.js';

/** The connection's settings or credentials are not valid: nothing can be mapped. */
export class ReconcileError extends Error {
  override name = 'ReconcileError';
}

export interface Reconciliation {
  report: ReconciliationReport;
  /** What a fix sends again, by ledger: every record the platform lacks or holds differently. */
  resend: Map<string, { kind: string; keys: string[] }>;
}

/**
 * A connection's reconciliation: per outbound stream where its records stand (from the hub's own
 * delivery, id-map and record-error state), and for the streams the connector can read back, what
 * the platform holds beside our confirmed records. Reads only; nothing is sent. Answers undefined
 * for an unknown connection.
 */
export async function reconcileConnection(
  engine: EngineContext,
  orgId: string,
  connectionId: string,
): Promise<Reconciliation | undefined> {
  const db = engine.store.db;
  const conn = await getConnection(db, engine.box, orgId, connectionId);
  if (!conn) return undefined;
  const resolved = resolveConnector(engine.connectors, conn, await readCredentials(db, engine.box, conn.id));
  if (!resolved.ok) throw new ReconcileError(resolved.error);
  const { connector, settings, credentials, sync } = resolved;
  const signal = new AbortController().signal;
  const session = connectionSession(engine, conn.id, resolved);
  const ctx: ConnectorContext = {
    connection: { id: conn.id, orgId, platform: conn.platform, settings },
    credentials,
    fetch: createPlatformFetch({ timeoutMs: sync.retry.timeoutMs, signal }),
    session,
    signal,
    ids: engine.idMapView(conn.id),
    records: { get: (kind, keys) => getLiveRecords(db, orgId, kind, keys) },
    db,
  };
  const report: ReconciliationReport = {
    connection: { id: conn.id, name: conn.name, platform: conn.platform },
    generatedAt: new Date().toISOString(),
    kinds: [],
    remote: [],
    remoteError: null,
    clean: true,
  };
  const resend: Reconciliation['resend'] = new Map();
  const retry = {
    policy: { ...sync.retry, maxAttempts: Math.min(5, sync.retry.maxAttempts) },
    reauth: () => session.clear(),
    signal,
    random: engine.random,
  };
  const streams = connector.outbound.filter((s) => s.enabled?.(settings) ?? true);
  for (const stream of streams) {
    const ledger = ledgerOf(stream);
    const readBack = connector.readBack?.find((r): r is ReadBack => 'ledger' in r && r.ledger === ledger);
    const scan = await scanLedger(stream, ctx, readBack);
    report.kinds.push(scan.status);
    if (!readBack || report.remoteError !== null) continue;
    try {
      // A transient failure reads the whole list again: a half-read list compares wrongly.
      const tally = await runWithRetry(() => compareRemote(ledger, scan, readBack.read(ctx)), retry);
      report.remote.push(tally.comparison);
      if (tally.resend.length > 0) resend.set(ledger, { kind: stream.kind, keys: tally.resend });
    } catch (err) {
      report.remoteError = `${ledger}: ${safeError(err).message}`;
    }
  }
  // Data the platform sends us: its lists beside this connection's inbox. Nothing to send again.
  for (const readBack of connector.readBack ?? []) {
    if (!('inboxKind' in readBack) || report.remoteError !== null) continue;
    const items = await inboxItemsOf(db, orgId, conn.id, readBack.inboxKind);
    const scan = {
      keys: new Set(items.map((i) => i.sourceId)),
      confirmed: new Map(items.map((i) => [i.sourceId, readBack.expectItem(i.payload)])),
    };
    const deletions = readBack.deletions;
    if (deletions) {
      for (const d of await inboxItemsOf(db, orgId, conn.id, deletions.inboxKind)) {
        const key = deletions.keyOf(d.payload);
        if (key !== undefined) scan.confirmed.delete(key);
      }
    }
    try {
      const tally = await runWithRetry(
        () => compareRemote(readBack.inboxKind, scan, readBack.read(ctx), 'inbound'),
        retry,
      );
      report.remote.push(tally.comparison);
    } catch (err) {
      report.remoteError = `${readBack.inboxKind}: ${safeError(err).message}`;
    }
  }
  report.clean =
    report.remoteError === null &&
    report.kinds.every(
      (k) => k.pending === 0 && k.deletedPending === 0 && Object.keys(k.refused).length === 0,
    ) &&
    report.remote.every((r: RemoteComparison) => r.onlyOnPlatform + r.missing + r.amountDiffers === 0);
  return { report, resend };
}
