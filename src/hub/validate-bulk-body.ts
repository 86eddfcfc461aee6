import { entityKinds } from '../domain/entity-kinds.js';
import { PIPELINE_CHUNK, type PrevalidatedRecords } from '../store/ingest-records.js';
import { RecordValidation } from '../store/record-validation.js';
import { bulkInputs } from './bulk-inputs.js';
import { parseBodyBytes } from './json-body-parsers.js';

/**
 * A bulk request's body, start to end of what needs no store: decoded, parsed, checked to be an
 * array within the limit, each record validated, keyed and serialized — as the hub's thread would
 * (same errors, same answers), in chunks ready for ingestPrevalidated. Throws HttpError.
 */
export function validateBulkBody(
  kindName: string,
  bytes: Buffer,
  ndjson: boolean,
  maxRecords: number,
): PrevalidatedRecords {
  const kind = entityKinds[kindName as keyof typeof entityKinds];
  if (!kind) throw new Error(`no kind "${kindName}"`);
  const inputs = bulkInputs(parseBodyBytes(bytes, ndjson), maxRecords);
  const validation = new RecordValidation(kind, inputs);
  const chunks = [];
  for (let from = 0; from < inputs.length; from += PIPELINE_CHUNK)
    chunks.push(validation.chunk(from, Math.min(from + PIPELINE_CHUNK, inputs.length)));
  return { results: validation.results, lastIndexOf: validation.lastIndexOf, chunks };
}
