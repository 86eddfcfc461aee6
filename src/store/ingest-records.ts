import type { EntityKind } from '../domain/entity-kinds.js';
import { mergeWithStored } from './merge-with-stored.js';
import type { Db } from './open-store.js';
import { type PreparedRecord, upsertRecords, type WriteOutcome } from './record-store.js';
import { type RecordResult, RecordValidation, type ValidatedRecords } from './record-validation.js';

export interface IngestSummary {
  kind: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: RecordResult[];
}

export interface IngestOptions {
  /**
   * Validate and answer exactly as a write would (created / updated / unchanged / rejected), then
   * roll the transaction back: nothing is written.
   */
  dryRun?: boolean;
  /**
   * Each input is a patch over the stored record of its key: fields it leaves out keep their
   * stored values (mergeWithStored). `import` sends the houses and premises it makes from account
   * rows this way, so a flat export never wipes what a houses export said.
   */
  merge?: boolean;
}

/** One chunk of a request validated elsewhere: its records to write, and whether more follow. */
export interface ValidatedChunk {
  records: PreparedRecord[];
  last: boolean;
}

/**
 * A request being validated elsewhere (a bulk-body thread), chunk by chunk: `next` answers each
 * chunk as it is ready (undefined: the request has no records at all) and rejects with what
 * refused the request; `done` answers the records' answers once every chunk is validated.
 */
export interface ValidatedChunks {
  next(): Promise<ValidatedChunk | undefined>;
  done: Promise<ValidatedRecords>;
}

/** Thrown inside the transaction to roll a dry run back; never escapes ingestRecords. */
class DryRunRollback extends Error {}

/**
 * Records validated per statement; small enough that validation overlaps the previous write, and
 * within upsertRecords' rows per statement, so that a chunk is one statement.
 */
export const PIPELINE_CHUNK = 1000;

/**
 * The one write path for canonical records (API and `import` alike): validate each record, key and
 * hash it, then upsert all good ones in one transaction. Bad records are answered per record and
 * never block the good ones; an unchanged record writes nothing.
 *
 * Validation of chunk k+1 runs while chunk k is being written: on PostgreSQL the database works in
 * its own process (and an on-disk PGlite in its own thread), so the hub's CPU and the database's
 * overlap instead of taking turns.
 */
export async function ingestRecords(
  db: Db,
  orgId: string,
  kind: EntityKind,
  given: readonly unknown[],
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  let validation = new RecordValidation(kind, given);
  const n = given.length;
  if (n > 0) {
    // The first chunk is validated before the transaction opens: validation is the caller's CPU,
    // and an open transaction holds the whole embedded store (its other requests wait for it). A
    // merge validates what it merged with, which needs the transaction's read first.
    const first = opts.merge ? undefined : validation.chunk(0, Math.min(PIPELINE_CHUNK, n));
    // One chunk is one statement, atomic by itself: no transaction to hold the store open while
    // the hub's thread goes back and forth (the embedded store serves nothing else meanwhile).
    const alone = first !== undefined && n <= PIPELINE_CHUNK && !opts.dryRun;
    const writer = new ChunkWriter(orgId, kind);
    await writeAtomically(db, alone, opts, async (tx) => {
      if (opts.merge) validation = new RecordValidation(kind, await mergeWithStored(tx, orgId, kind, given));
      for (let from = 0; from < n; from += PIPELINE_CHUNK)
        await writer.write(
          tx,
          from === 0 && first ? first : validation.chunk(from, Math.min(from + PIPELINE_CHUNK, n)),
        );
      await writer.done();
    });
    writer.answer(validation);
  }
  return summarize(kind, validation);
}

/**
 * ingestRecords for a request validated elsewhere (bulk-body-pool.ts): each chunk is written as it
 * arrives, so the validation of the next overlaps the write of this one as in ingestRecords. A
 * request refused as a whole (malformed JSON…) is refused before anything is written.
 */
export async function ingestValidated(
  db: Db,
  orgId: string,
  kind: EntityKind,
  chunks: ValidatedChunks,
  opts: Pick<IngestOptions, 'dryRun'> = {},
): Promise<IngestSummary> {
  const first = await chunks.next();
  const writer = new ChunkWriter(orgId, kind);
  if (first) {
    const alone = first.last && !opts.dryRun; // one statement (see ingestRecords)
    await writeAtomically(db, alone, opts, async (tx) => {
      for (let c: ValidatedChunk | undefined = first; c; c = c.last ? undefined : await chunks.next()) {
        await writer.write(tx, c.records);
      }
      await writer.done();
    });
  }
  const validated = await chunks.done;
  writer.answer(validated);
  return summarize(kind, validated);
}

/** Runs the write in one transaction (rolled back for a dry run), or as is when it is one statement. */
async function writeAtomically(
  db: Db,
  oneStatement: boolean,
  opts: IngestOptions,
  body: (tx: Db) => Promise<void>,
): Promise<void> {
  if (oneStatement) return body(db);
  await db
    .transaction(async (tx) => {
      await body(tx as unknown as Db);
      if (opts.dryRun) throw new DryRunRollback();
    })
    .catch((err) => {
      if (!(err instanceof DryRunRollback)) throw err;
    });
}

/**
 * Upserts chunks one after another and keeps each key's outcome for the answers. `write` resolves
 * once its chunk is on its way, so the caller prepares the next chunk while this one is written.
 */
class ChunkWriter {
  #writing: Promise<unknown> = Promise.resolve();
  readonly #outcomes = new Map<string, WriteOutcome>();

  constructor(
    private readonly orgId: string,
    private readonly kind: EntityKind,
  ) {}

  async write(tx: Db, chunk: readonly PreparedRecord[]): Promise<void> {
    await this.#writing;
    // Caught now and rethrown at the next await, so a failed write is never an unhandled rejection.
    this.#writing = chunk.length === 0 ? Promise.resolve() : this.#upsert(tx, chunk);
    this.#writing.catch(() => {});
  }

  async done(): Promise<void> {
    await this.#writing;
  }

  /** Each written key's outcome, into the answer of the input that was written (its last). */
  answer(state: ValidatedRecords): void {
    for (const [key, outcome] of this.#outcomes) state.results[state.lastIndexOf.get(key)!]!.status = outcome;
  }

  async #upsert(tx: Db, chunk: readonly PreparedRecord[]): Promise<void> {
    const outcomes = await upsertRecords(tx, this.orgId, this.kind.name, chunk);
    for (const [key, outcome] of outcomes) {
      // A key written by an earlier chunk of this request was created by it, whatever came after.
      if (this.#outcomes.get(key) !== 'created') this.#outcomes.set(key, outcome);
    }
  }
}

function summarize(kind: EntityKind, v: ValidatedRecords): IngestSummary {
  const summary: IngestSummary = {
    kind: kind.name,
    total: v.results.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    results: v.results,
  };
  for (const r of v.results) summary[r.status]++;
  return summary;
}
