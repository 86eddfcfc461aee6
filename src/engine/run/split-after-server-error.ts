import type { OutboundStream, RecordOutcome } from '../connector/connector.js';
import type { SizedRecord } from '../plan-batches.js';
import type { PlatformHttpError } from '../policy/platform-errors.js';
import type { GiveUpError } from '../policy/run-with-retry.js';
import type { CommitQueue } from './commit-queue.js';
import { commitLater, type DeliveryMode, deliverPart, giveUp, type ServerRefusal } from './deliver-batch.js';
import type { StreamRun } from './stream-run.js';

/**
 * How many more parts a split may see refused with a 5xx before it stops bisecting (shared by the
 * whole split): a platform that starts failing halfway must not be asked once per record. A part
 * refused past it becomes a dead letter, sent again next run.
 */
export interface SplitBudget {
  refusals: number;
}

interface Refused {
  mode: DeliveryMode;
  budget: SplitBudget | undefined;
  error: GiveUpError;
  requests: number;
  started: Date;
}

/**
 * A part still answered with a 5xx after the policy gave up on it, on a platform whose 5xx may be
 * caused by a record (the stream's `serverErrorsMayBeData`). Answers whether it was dealt with here;
 * otherwise the caller dead-letters it as any other give-up.
 * - a planned batch: the split begins (splitAfterServerError);
 * - a part of a bisection: halved again; a record alone — refused after every retry while others
 *   of its batch landed — gets its own record error `http_<status>`, kept until the record changes.
 */
export async function afterServerError(
  run: StreamRun,
  stream: OutboundStream,
  part: readonly SizedRecord[],
  commits: CommitQueue,
  at: Refused,
): Promise<boolean> {
  if (at.mode === 'batch') {
    if (part.length === 1) return false; // nothing to split: an outage cannot be told from the data
    await splitAfterServerError(run, stream, part, commits, at);
    return true;
  }
  if (at.mode !== 'bisect' || !at.budget) return false;
  if (at.budget.refusals <= 0) {
    giveUp(run, stream, part, commits, at.error, {
      started: at.started,
      requests: at.requests,
      note: 'the split after server errors met too many refusals to go on (the platform may be failing)',
    });
    return true;
  }
  at.budget.refusals--;
  if (part.length > 1) {
    await bisectRefused(run, stream, part, commits, at.budget);
    return true;
  }
  const cause = at.error.cause as PlatformHttpError;
  const message = `the platform answered HTTP ${cause.status} to this record alone (${at.requests} attempts) while the rest of its batch landed: ${cause.message}`;
  const refused: RecordOutcome[] = [{ status: 'rejected', code: `http_${cause.status}`, message }];
  run.engine.metrics?.requests.inc({ ...run.labels, kind: stream.kind, result: 'failed' });
  // The platform answered this record (with its refusal): the run reached it.
  run.tally.answered++;
  commitLater(run, stream, part, commits, refused, { ...at, markRejected: true });
  return true;
}

/**
 * Is the platform failing, or is a record at fault? Probes tell, one call each: the first half; if
 * it is refused too, the second half; if both are, one record alone (two bad records, one in each
 * half, must not pass for an outage).
 * - Something landed → the 5xx is the data's: what was refused is bisected down to the records the
 *   platform refuses alone; everything else lands.
 * - Nothing landed → an outage: the whole batch is one dead letter (sent again next run) after at
 *   most `maxAttempts + 3` calls — not a storm of requests.
 */
async function splitAfterServerError(
  run: StreamRun,
  stream: OutboundStream,
  batch: readonly SizedRecord[],
  commits: CommitQueue,
  first: Refused,
): Promise<void> {
  run.engine.metrics?.requests.inc({ ...run.labels, kind: stream.kind, result: 'split' });
  // Bisecting k bad records out of n takes about 2k·log₂(n) refused parts: room for two or three.
  const budget: SplitBudget = { refusals: 4 * Math.ceil(Math.log2(batch.length)) + 4 };
  const mid = Math.ceil(batch.length / 2);
  const front = batch.slice(0, mid);
  const back = batch.slice(mid);
  const refusedFront = await deliverPart(run, stream, front, commits, 'probe');
  if (!refusedFront) {
    await deliverPart(run, stream, back, commits, 'bisect', budget);
    return;
  }
  const refusedBack = await deliverPart(run, stream, back, commits, 'probe');
  if (!refusedBack) {
    await bisectRefused(run, stream, front, commits, budget);
    return;
  }
  const probes: ServerRefusal[] = [refusedFront, refusedBack];
  if (front.length > 1) {
    const refusedOne = await deliverPart(run, stream, front.slice(0, 1), commits, 'probe');
    if (!refusedOne) {
      await deliverPart(run, stream, front.slice(1), commits, 'bisect', budget);
      await bisectRefused(run, stream, back, commits, budget);
      return;
    }
    probes.push(refusedOne);
  }
  giveUp(run, stream, batch, commits, first.error, {
    started: first.started,
    requests: probes.reduce((sum, p) => sum + p.requests, first.requests),
    note: `both halves of the batch${probes.length > 2 ? ' and a record alone' : ''} were refused too: the platform is failing, not a record`,
  });
}

/** A part known to be refused, halved without sending it whole again (a record alone: every retry). */
async function bisectRefused(
  run: StreamRun,
  stream: OutboundStream,
  part: readonly SizedRecord[],
  commits: CommitQueue,
  budget: SplitBudget,
): Promise<void> {
  if (part.length === 1) {
    await deliverPart(run, stream, part, commits, 'bisect', budget);
    return;
  }
  const mid = Math.ceil(part.length / 2);
  await deliverPart(run, stream, part.slice(0, mid), commits, 'bisect', budget);
  await deliverPart(run, stream, part.slice(mid), commits, 'bisect', budget);
}
