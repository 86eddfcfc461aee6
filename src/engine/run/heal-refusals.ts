import { readCheckpoint, writeCheckpoint } from '../../store/checkpoint-store.js';
import { forgetDeliveries } from '../../store/delivery-store.js';
import type { Db } from '../../store/open-store.js';
import { openErrorsWithCodes } from '../../store/record-error-store.js';
import { kindChangedSince, seqWatermark } from '../../store/record-store.js';
import { ledgerOf, type OutboundStream } from '../connector/connector.js';
import type { StreamRun } from './stream-run.js';

const VERSION = 1;

/** Where the dependencies stood when a stream last looked at its refusals (`heal:<ledger>`). */
interface HealMark {
  /** The record watermark then: a dependency changed in the hub has a higher seq. */
  seq: number;
  /** Each dependency's delivery count then (see noteDelivered). */
  delivered: Record<string, number>;
}

/**
 * A refusal caused by order heals itself. The billing may send its exports in any order, so a
 * reading may reach a platform before its meter and be refused for it. A stream names such
 * refusals (`dependencyErrors`: code → kinds); before each pass, the open errors with those codes
 * whose dependency moved since the stream last looked — a record of the kind changed in the hub,
 * or this connection delivered records of the kind — lose their delivery state, and the pass sends
 * them again. Answers their keys, for an incremental pass to read them beside what changed.
 *
 * Bounded: a record still refused waits for its dependencies to move again, so a reading whose
 * meter never comes is tried once per change of meters, not once per run. Costs one index read of
 * open errors per pass when there are none.
 */
export async function healRefusals(run: StreamRun, stream: OutboundStream): Promise<string[]> {
  const byCode = stream.dependencyErrors;
  if (!byCode) return [];
  const db = run.engine.store.db;
  const { id: connectionId, orgId } = run.connection;
  const ledger = ledgerOf(stream);
  const errors = await openErrorsWithCodes(db, connectionId, ledger, Object.keys(byCode));
  if (errors.length === 0) return [];
  const kinds = [...new Set(Object.values(byCode).flat())];
  const cp = await readCheckpoint(db, connectionId, `heal:${ledger}`);
  const before: HealMark = cp?.version === VERSION ? (cp.value as HealMark) : { seq: 0, delivered: {} };
  const now: HealMark = { seq: await seqWatermark(db), delivered: {} };
  const moved = new Set<string>();
  for (const kind of kinds) {
    now.delivered[kind] = await deliveredCount(db, connectionId, kind);
    if (
      now.delivered[kind] !== (before.delivered[kind] ?? 0) ||
      (await kindChangedSince(db, orgId, kind, before.seq))
    )
      moved.add(kind);
  }
  const keys = errors.filter((e) => byCode[e.code]?.some((k) => moved.has(k))).map((e) => e.key);
  await forgetDeliveries(db, connectionId, ledger, keys);
  await writeCheckpoint(db, connectionId, `heal:${ledger}`, { version: VERSION, value: now }, cp?.rev ?? 0);
  return keys;
}

/**
 * Counts the passes of a ledger that delivered records on a connection (`delivered:<ledger>`): a
 * dependent stream that saw another count knows something it waited for may have landed.
 */
export async function noteDelivered(db: Db, connectionId: string, ledger: string): Promise<void> {
  const name = `delivered:${ledger}`;
  const cp = await readCheckpoint(db, connectionId, name);
  const n = cp?.version === VERSION ? Number((cp.value as { n?: unknown }).n ?? 0) : 0;
  await writeCheckpoint(db, connectionId, name, { version: VERSION, value: { n: n + 1 } }, cp?.rev ?? 0);
}

async function deliveredCount(db: Db, connectionId: string, ledger: string): Promise<number> {
  const cp = await readCheckpoint(db, connectionId, `delivered:${ledger}`);
  return cp?.version === VERSION ? Number((cp.value as { n?: unknown }).n ?? 0) : 0;
}
