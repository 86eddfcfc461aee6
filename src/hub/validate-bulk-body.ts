import { entityKinds } from '../domain/entity-kinds.js';
import { PIPELINE_CHUNK, type ValidatedChunk } from '../store/ingest-records.js';
import { RecordValidation, type ValidatedRecords } from '../store/record-validation.js';
import { bulkInputs } from './bulk-inputs.js';
import { parseBodyBytes } from './json-body-parsers.js';

/**
 * A bulk request's body, start to end of what needs no store: decoded, parsed, checked to be an
 * array within the limit, each record validated, keyed and serialized — as the hub's thread would
 * (same errors, same answers). Each chunk goes to `onChunk` as soon as it is ready (so that it can
 * be written while the next is validated); the answers are returned at the end. Throws HttpError.
 */
export function validateBulkBody(
  kindName: string,
  bytes: Buffer,
  ndjson: boolean,
  maxRecords: number,
  onChunk: (chunk: ValidatedChunk) => void,
): ValidatedRecords {
  const kind = entityKinds[kindName as keyof typeof entityKinds];
  if (!kind) throw new Error(`no kind "${kindName}"`);
  const inputs = bulkInputs(parseBodyBytes(bytes, ndjson), maxRecords);
  const validation = new RecordValidation(kind, inputs);
  for (let from = 0; from < inputs.length; from += PIPELINE_CHUNK) {
    const to = Math.min(from + PIPELINE_CHUNK, inputs.length);
    onChunk({ records: validation.chunk(from, to), last: to === inputs.length });
  }
  return { results: validation.results, lastIndexOf: validation.lastIndexOf };
}
