import { HttpError } from './http-error.js';

/** A parsed bulk body as its records: a JSON array (NDJSON parses to one) of at most `maxRecords`. */
export function bulkInputs(body: unknown, maxRecords: number): unknown[] {
  if (!Array.isArray(body)) {
    throw new HttpError(
      400,
      'body_not_array',
      'the body must be a JSON array of records or NDJSON (one record a line)',
    );
  }
  if (body.length > maxRecords) {
    throw new HttpError(
      413,
      'too_many_records',
      `${body.length} records in one request; the limit is ${maxRecords}`,
      {
        limit: maxRecords,
      },
    );
  }
  return body;
}
