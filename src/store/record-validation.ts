import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { EntityKind } from '../domain/entity-kinds.js';
import { issuesToErrors, type RecordError } from '../domain/issues-to-errors.js';
import { keyOfInput } from '../domain/key-of-input.js';
import { findUnstorableText, UNSTORABLE_JSON_ESCAPE, wellFormed } from '../domain/unstorable-text.js';
import type { PreparedRecord, WriteOutcome } from './record-store.js';

export type RecordStatus = WriteOutcome | 'rejected';

export interface RecordResult {
  index: number;
  key?: string;
  status: RecordStatus;
  errors?: RecordError[];
}

/** A record that could not even be read (a malformed NDJSON line) is passed as this. */
export class UnreadableRecord {
  constructor(readonly error: RecordError) {}
}

/**
 * What validating a bulk request leaves for its write: each input's answer so far (rejected, or
 * `unchanged` until the write says otherwise) and, per key, the input whose record is written. Plain
 * data, so a request validated in another thread (bulk-body-thread.ts) crosses to the writer as is.
 */
export interface ValidatedRecords {
  results: RecordResult[];
  lastIndexOf: Map<string, number>;
}

/**
 * Validates inputs chunk by chunk into ValidatedRecords: each record against its kind's schema,
 * keyed, serialized and hashed as the table keeps it. A key given twice keeps its last occurrence,
 * as if the records had been sent one after another; the earlier one is answered `duplicate_key`.
 */
export class RecordValidation implements ValidatedRecords {
  readonly results: RecordResult[];
  readonly lastIndexOf = new Map<string, number>();

  constructor(
    private readonly kind: EntityKind,
    readonly inputs: readonly unknown[],
  ) {
    this.results = new Array(inputs.length);
  }

  /** The records of inputs [from, to) to write, in input order (an earlier duplicate dropped). */
  chunk(from: number, to: number): PreparedRecord[] {
    const chunk = new Map<string, PreparedRecord>(); // key → record; insertion order kept
    for (let index = from; index < to; index++) {
      const record = this.#one(index);
      if (record === undefined) continue;
      const earlier = this.lastIndexOf.get(record.key);
      if (earlier !== undefined) {
        this.results[earlier] = {
          index: earlier,
          key: record.key,
          status: 'rejected',
          errors: [
            {
              code: 'duplicate_key',
              path: '',
              message: `key "${record.key}" appears again at index ${index}; that one is kept`,
            },
          ],
        };
        chunk.delete(record.key);
      }
      this.lastIndexOf.set(record.key, index);
      chunk.set(record.key, record);
    }
    return [...chunk.values()];
  }

  /** Validates one input into `results[index]`; answers its record when it can be written. */
  #one(index: number): PreparedRecord | undefined {
    const input = this.inputs[index];
    if (input instanceof UnreadableRecord) {
      this.results[index] = { index, status: 'rejected', errors: [input.error] };
      return undefined;
    }
    const parsed = this.kind.schema.safeParse(input);
    if (!parsed.success) {
      const result: RecordResult = { index, status: 'rejected', errors: issuesToErrors(parsed.error.issues) };
      const key = keyOfInput(this.kind, input);
      if (key !== undefined) result.key = wellFormed(key);
      this.results[index] = result;
      return undefined;
    }
    const key = this.kind.keyOf(parsed.data as z.output<typeof this.kind.schema>);
    const record = prepareRecord(key, parsed.data);
    if (UNSTORABLE_JSON_ESCAPE.test(record.json)) {
      // Left in, PostgreSQL would refuse the statement and with it every record of the request.
      const error = findUnstorableText(parsed.data);
      if (error) {
        this.results[index] = { index, key: wellFormed(key), status: 'rejected', errors: [error] };
        return undefined;
      }
    }
    this.results[index] = { index, key, status: 'unchanged' };
    return record;
  }
}

/** A record as the table keeps it: its JSON and the hash an unchanged re-send compares equal by. */
export function prepareRecord(key: string, data: unknown): PreparedRecord {
  const json = JSON.stringify(data);
  return { key, json, hash: createHash('sha256').update(json).digest('base64url') };
}
