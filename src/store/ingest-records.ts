import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { EntityKind } from '../domain/entity-kinds.js';
import { issuesToErrors, type RecordError } from '../domain/issues-to-errors.js';
import type { Db } from './open-store.js';
import { type PreparedRecord, upsertRecords, type WriteOutcome } from './record-store.js';

export type RecordStatus = WriteOutcome | 'rejected';

export interface RecordResult {
  index: number;
  key?: string;
  status: RecordStatus;
  errors?: RecordError[];
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

/**
 * The one write path for canonical records (API and `import` alike): validate each record, key and
 * hash it, then upsert all good ones in one transaction. Bad records are answered per record and
 * never block the good ones; an unchanged record writes nothing.
 */
export async function ingestRecords(
  db: Db,
  orgId: string,
  kind: EntityKind,
  inputs: readonly unknown[],
): Promise<IngestSummary> {
  const results: RecordResult[] = new Array(inputs.length);
  const byKey = new Map<string, number>();
  const prepared: PreparedRecord[] = [];
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    if (input instanceof UnreadableRecord) {
      results[index] = { index, status: 'rejected', errors: [input.error] };
      continue;
    }
    const parsed = kind.schema.safeParse(input);
    if (!parsed.success) {
      results[index] = { index, status: 'rejected', errors: issuesToErrors(parsed.error.issues) };
      const key = bestEffortKey(kind, input);
      if (key !== undefined) results[index]!.key = key;
      continue;
    }
    const key = kind.keyOf(parsed.data as z.output<typeof kind.schema>);
    const record = prepareOne(key, parsed.data);
    if (JSON_NUL.test(record.json)) {
      // PostgreSQL's jsonb cannot hold U+0000; left in, it would fail the whole request.
      results[index] = { index, key, status: 'rejected', errors: [NUL_ERROR] };
      continue;
    }
    const earlier = byKey.get(key);
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
      prepared[prepared.findIndex((p) => p.key === key)] = record;
    } else {
      prepared.push(record);
    }
    byKey.set(key, index);
    results[index] = { index, key, status: 'unchanged' };
  }
  const outcomes =
    prepared.length === 0
      ? new Map<string, WriteOutcome>()
      : await db.transaction((tx) => upsertRecords(tx as unknown as Db, orgId, kind.name, prepared));
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
    if (r.status !== 'rejected') r.status = outcomes.get(r.key!) ?? 'unchanged';
    summary[r.status]++;
  }
  return summary;
}

/** An escaped U+0000 in JSON text: \u0000 preceded by an even number of backslashes. */
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;
const NUL_ERROR: RecordError = {
  code: 'nul_character',
  path: '',
  message: 'a text field contains the NUL character (U+0000)',
};

function prepareOne(key: string, data: unknown): PreparedRecord {
  const json = JSON.stringify(data);
  return { key, json, hash: createHash('sha256').update(json).digest('base64url') };
}

/** The key of a rejected record when its key fields themselves are readable, to help the sender find it. */
function bestEffortKey(kind: EntityKind, input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const o = input as Record<string, unknown>;
  const parts = kind.keyFields.map((f) => o[f]);
  return parts.every((p) => typeof p === 'string' && p.length > 0) ? parts.join('/') : undefined;
}
