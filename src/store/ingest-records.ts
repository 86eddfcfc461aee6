import type { EntityKind } from '../domain/entity-kinds.js';
import { mergeWithStored } from './merge-with-stored.js';
import type { Db } from './open-store.js';
import { type PreparedRecord, upsertRecords } from './record-store.js';
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

/** A request validated before it reached the writer (in another thread), its records in chunks. */
export interface PrevalidatedRecords extends ValidatedRecords {
  chunks: PreparedRecord[][];
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
    await writeAtomically(db, alone, opts, async (tx) => {
      if (opts.merge) validation = new RecordValidation(kind, await mergeWithStored(tx, orgId, kind, given));
      const writer = new ChunkWriter(tx, orgId, kind, validation);
      for (let from = 0; from < n; from += PIPELINE_CHUNK)
        await writer.write(
          from === 0 && first ? first : validation.chunk(from, Math.min(from + PIPELINE_CHUNK, n)),
        );
      await writer.done();
    });
  }
  return summarize(kind, validation);
}

/** ingestRecords for a request validated already (see bulk-body-pool.ts): the write alone. */
export async function ingestPrevalidated(
  db: Db,
  orgId: string,
  kind: EntityKind,
  validated: PrevalidatedRecords,
  opts: Pick<IngestOptions, 'dryRun'> = {},
): Promise<IngestSummary> {
  const chunks = validated.chunks.filter((c) => c.length > 0);
  if (chunks.length > 0) {
    const alone = chunks.length === 1 && !opts.dryRun; // one statement (see ingestRecords)
    await writeAtomically(db, alone, opts, async (tx) => {
      const writer = new ChunkWriter(tx, orgId, kind, validated);
      for (const chunk of chunks) await writer.write(chunk);
      await writer.done();
    });
  }
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
 * Upserts chunks one after another and fills in each written record's answer. `write` resolves
 * once its chunk is on its way, so the caller prepares the next chunk while this one is written.
 */
class ChunkWriter {
  #writing: Promise<unknown> = Promise.resolve();
  /** Keys created by an earlier chunk of this request: created by it, whatever came after. */
  readonly #created = new Set<string>();

  constructor(
    private readonly tx: Db,
    private readonly orgId: string,
    private readonly kind: EntityKind,
    private readonly state: ValidatedRecords,
  ) {}

  async write(chunk: readonly PreparedRecord[]): Promise<void> {
    await this.#writing;
    // Caught now and rethrown at the next await, so a failed write is never an unhandled rejection.
    this.#writing = chunk.length === 0 ? Promise.resolve() : this.#upsert(chunk);
    this.#writing.catch(() => {});
  }

  async done(): Promise<void> {
    await this.#writing;
  }

  async #upsert(chunk: readonly PreparedRecord[]): Promise<void> {
    const outcomes = await upsertRecords(this.tx, this.orgId, this.kind.name, chunk);
    for (const [key, outcome] of outcomes) {
      const r = this.state.results[this.state.lastIndexOf.get(key)!]!;
      r.status = this.#created.has(key) ? 'created' : outcome;
      if (outcome === 'created') this.#created.add(key);
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
