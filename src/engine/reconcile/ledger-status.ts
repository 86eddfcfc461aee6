import { readOutboundPage } from '../../store/delivery-store.js';
import { openErrorCodes } from '../../store/record-error-store.js';
import {
  type ConnectorContext,
  ledgerOf,
  type OutboundStream,
  type ReadBack,
  type RemoteFacts,
} from '../connector/connector.js';
import { inStep } from '../run/sync-outbound.js';
import { wireHash } from '../wire-hash.js';
import type { LedgerStatus } from './reconciliation-report.js';

const PAGE = 1000;

/** One ledger's standing, and what a read-back compares with the platform. */
export interface LedgerScan {
  status: LedgerStatus;
  /** Every record key of the kind, deleted ones included: a platform record with one was sent by us. */
  keys: Set<string>;
  /** The live records the platform confirmed as they are now, with what it should hold of each. */
  confirmed: Map<string, RemoteFacts>;
}

/**
 * Where each record of a stream stands on the connection: maps every record as a sync would (the
 * stream's own `toWire`, no platform call) and compares the wire hash with what the platform last
 * confirmed — the same test a sync uses to decide what to send, so "pending" is exactly what the
 * next sync sends.
 */
export async function scanLedger(
  stream: OutboundStream,
  ctx: ConnectorContext,
  readBack: ReadBack | undefined,
): Promise<LedgerScan> {
  const db = ctx.db!;
  const { connection } = ctx;
  const ledger = ledgerOf(stream);
  const status: LedgerStatus = {
    kind: ledger,
    live: 0,
    confirmed: 0,
    pending: 0,
    refused: {},
    deletedPending: 0,
    notCarried: 0,
  };
  const keys = new Set<string>();
  const confirmed = new Map<string, RemoteFacts>();
  const refuse = (code: string) => {
    status.refused[code] = (status.refused[code] ?? 0) + 1;
  };
  let after: string | undefined;
  for (;;) {
    const page = await readOutboundPage(
      db,
      connection.orgId,
      connection.id,
      stream.kind,
      after,
      PAGE,
      undefined,
      ledger,
    );
    if (page.scanned === 0) break;
    after = page.last;
    const byKey = new Map(page.rows.map((r) => [r.key, r]));
    for (const r of page.rows) {
      keys.add(r.key);
      if (!r.deleted) status.live++;
    }
    // As a sync does: a deletion the platform refused outright is not sent again.
    const candidates = page.rows.filter((r) => !r.deleted || r.deliveredStatus !== 'rejected');
    const mapped =
      candidates.length === 0
        ? { records: [] }
        : await stream.toWire(
            candidates.map((r) => ({ key: r.key, data: r.data, deleted: r.deleted })),
            ctx,
          );
    const codes = await openErrorCodes(
      db,
      connection.id,
      ledger,
      page.rows.filter((r) => r.deliveredStatus === 'rejected').map((r) => r.key),
    );
    const handled = new Set<string>();
    for (const record of mapped.records) {
      const row = byKey.get(record.key);
      if (!row) continue;
      handled.add(row.key);
      const hash = wireHash(record);
      const same = inStep(row, hash);
      if (row.deleted) {
        if (!same) status.deletedPending++;
      } else if (!same) status.pending++;
      else if (row.deliveredStatus === 'rejected') refuse(codes.get(row.key) ?? 'refused');
      else {
        status.confirmed++;
        if (readBack && record.op === 'upsert') confirmed.set(row.key, readBack.expect(record));
      }
    }
    for (const r of mapped.rejected ?? []) {
      if (handled.has(r.key) || !byKey.has(r.key)) continue;
      handled.add(r.key);
      refuse(r.code);
    }
    for (const r of page.rows) if (!handled.has(r.key)) status.notCarried++;
    if (page.scanned < PAGE) break;
  }
  return { status, keys, confirmed };
}
