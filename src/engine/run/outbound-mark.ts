import { readCheckpoint, resetCheckpoints, writeCheckpoint } from '../../store/checkpoint-store.js';
import type { Db } from '../../store/open-store.js';

/**
 * How far a self-contained outbound stream is known to be in step: every record changed up to
 * `seq` was delivered (or refused for good) under the mapping `fingerprint`. The next pass then
 * reads only what changed after it. Kept as a checkpoint named `outbound:<kind>`.
 */
export interface OutboundMark {
  seq: number;
  fingerprint: string;
  rev: number;
  /**
   * Records of the kind at `seq`, when the pass that wrote the mark knew it: while the watermark
   * has not moved, a run needs no count of them (the one part of a no-op that grew with size).
   */
  total?: number | undefined;
}

const VERSION = 1;
const streamName = (kind: string) => `outbound:${kind}`;

export async function readOutboundMark(
  db: Db,
  connectionId: string,
  kind: string,
): Promise<OutboundMark | undefined> {
  const cp = await readCheckpoint(db, connectionId, streamName(kind));
  const v = cp?.value as { seq?: unknown; fingerprint?: unknown; total?: unknown } | undefined;
  if (!cp || cp.version !== VERSION || typeof v?.seq !== 'number' || typeof v.fingerprint !== 'string')
    return undefined;
  const total = typeof v.total === 'number' ? v.total : undefined;
  return { seq: v.seq, fingerprint: v.fingerprint, rev: cp.rev, total };
}

export async function writeOutboundMark(
  db: Db,
  connectionId: string,
  kind: string,
  mark: { seq: number; fingerprint: string; total?: number | undefined },
  expectedRev: number,
): Promise<void> {
  await writeCheckpoint(db, connectionId, streamName(kind), { version: VERSION, value: mark }, expectedRev);
}

/**
 * Whether a `firstPass: 'baseline'` stream has completed a pass on this connection. Kept apart from
 * the marks (`baseline:<kind>`), so a resend or a retry, which drop the marks, is not taken for a
 * first pass.
 */
export async function hasBaseline(db: Db, connectionId: string, kind: string): Promise<boolean> {
  return (await readCheckpoint(db, connectionId, `baseline:${kind}`)) !== undefined;
}

export async function writeBaseline(db: Db, connectionId: string, kind: string): Promise<void> {
  await writeCheckpoint(db, connectionId, `baseline:${kind}`, { version: VERSION, value: true }, 0).catch(
    () => {}, // another pass wrote it first
  );
}

/** The next pass reads every record (after a resend, a retry or a pass that left records unconfirmed). */
export async function dropOutboundMarks(db: Db, connectionId: string, kind?: string): Promise<void> {
  if (kind) await resetCheckpoints(db, connectionId, streamName(kind));
  else await resetCheckpoints(db, connectionId, undefined, 'outbound:');
}
