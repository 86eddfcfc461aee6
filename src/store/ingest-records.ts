import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { EntityKind } from '../domain/entity-kinds.js';
import { issuesToErrors, type RecordError } from '../domain/issues-to-errors.js';
import { keyOfInput } from '../domain/key-of-input.js';
import { findUnstorableText, UNSTORABLE_JSON_ESCAPE, wellFormed } from '../domain/unstorable-text.js';
import { mergeWithStored } from './merge-with-stored.js';
import type { Db } from './open-store.js';
import { type PreparedRecord, upsertRecords, type WriteOutcome } from './record-store.js';

export type RecordStatus = WriteOutcome | 'rejected';

export interface RecordResult {
  index: number;
  key?: string;
  status: RecordStatus;
  errors?: RecordError[];
  /** Internal, while the request is being written; removed before the answer. */
  record?: PreparedRecord;
}

export interface IngestSummary {
  kind: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: RecordResult[];
}

/** A record that could not even be read (a malformed NDJSON line) is passed as this. */
export class UnreadableRecord {
  constructor(readonly error: RecordError) {}
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

/** Thrown inside the transaction to roll a dry run back; never escapes ingestRecords. */
class DryRunRollback extends Error {}

/** Records validated per statement; small enough that validation overlaps the previous write. */
const PIPELINE_CHUNK = 1000;

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
  let inputs = given;
  const results: RecordResult[] = new Array(inputs.length);
  const lastIndexOf = new Map<string, number>();
  const createdKeys = new Set<string>();

  const validateChunk = (from: number, to: number): Map<string, PreparedRecord> => {
    const chunk = new Map<string, PreparedRecord>(); // key → record; insertion order kept
    for (let index = from; index < to; index++) {
      const key = validateOne(kind, inputs[index], index, results);
      if (key === undefined) continue;
      const earlier = lastIndexOf.get(key);
      if (earlier !== undefined) {
        // The last occurrence wins, as if the records had been sent one after another.
        results[earlier] = {
          index: earlier,
          key,
          status: 'rejected',
          errors: [
            {
              code: 'duplicate_key',
              path: '',
              message: `key "${key}" appears again at index ${index}; that one is kept`,
            },
          ],
        };
        chunk.delete(key);
      }
      lastIndexOf.set(key, index);
      chunk.set(key, results[index]!.record!);
    }
    return chunk;
  };

  const write = async (tx: Db, chunk: Map<string, PreparedRecord>) => {
    const outcomes = await upsertRecords(tx, orgId, kind.name, [...chunk.values()]);
    for (const [key, outcome] of outcomes) {
      const r = results[lastIndexOf.get(key)!]!;
      // A key written by an earlier chunk of this request was created by it, whatever came after.
      r.status = createdKeys.has(key) ? 'created' : outcome;
      if (outcome === 'created') createdKeys.add(key);
    }
  };

  if (inputs.length > 0) {
    // The first chunk is validated before the transaction opens: validation is the caller's CPU,
    // and an open transaction holds the whole embedded store (its other requests wait for it). A
    // merge validates what it merged with, which needs the transaction's read first.
    const first = opts.merge ? undefined : validateChunk(0, Math.min(PIPELINE_CHUNK, inputs.length));
    await db
      .transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        if (opts.merge) inputs = await mergeWithStored(tx, orgId, kind, inputs);
        let writing: Promise<unknown> = Promise.resolve();
        for (let from = 0; from < inputs.length; from += PIPELINE_CHUNK) {
          const chunk =
            from === 0 && first ? first : validateChunk(from, Math.min(from + PIPELINE_CHUNK, inputs.length));
          await writing;
          // Caught now and rethrown at the next await, so a failed write is never an unhandled rejection.
          writing =
            chunk.size === 0
              ? Promise.resolve()
              : write(tx, chunk).then(undefined, (err) => Promise.reject(err));
          writing.catch(() => {});
        }
        await writing;
        if (opts.dryRun) throw new DryRunRollback();
      })
      .catch((err) => {
        if (!(err instanceof DryRunRollback)) throw err;
      });
  }

  const summary: IngestSummary = {
    kind: kind.name,
    total: inputs.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    results,
  };
  for (const r of results) {
    delete r.record;
    summary[r.status]++;
  }
  return summary;
}

/** Validates one input into `results[index]`; returns its key when it can be written. */
function validateOne(
  kind: EntityKind,
  input: unknown,
  index: number,
  results: RecordResult[],
): string | undefined {
  if (input instanceof UnreadableRecord) {
    results[index] = { index, status: 'rejected', errors: [input.error] };
    return undefined;
  }
  const parsed = kind.schema.safeParse(input);
  if (!parsed.success) {
    const result: RecordResult = { index, status: 'rejected', errors: issuesToErrors(parsed.error.issues) };
    const key = keyOfInput(kind, input);
    if (key !== undefined) result.key = wellFormed(key);
    results[index] = result;
    return undefined;
  }
  const key = kind.keyOf(parsed.data as z.output<typeof kind.schema>);
  const record = prepareRecord(key, parsed.data);
  if (UNSTORABLE_JSON_ESCAPE.test(record.json)) {
    // Left in, PostgreSQL would refuse the statement and with it every record of the request.
    const error = findUnstorableText(parsed.data);
    if (error) {
      results[index] = { index, key: wellFormed(key), status: 'rejected', errors: [error] };
      return undefined;
    }
  }
  results[index] = { index, key, status: 'unchanged', record };
  return key;
}

/** A record as the table keeps it: its JSON and the hash an unchanged re-send compares equal by. */
export function prepareRecord(key: string, data: unknown): PreparedRecord {
  const json = JSON.stringify(data);
  return { key, json, hash: createHash('sha256').update(json).digest('base64url') };
}
