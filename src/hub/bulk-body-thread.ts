import { parentPort } from 'node:worker_threads';
import type { BulkBodyError, BulkBodyReply, BulkBodyRequest } from './bulk-body-protocol.js';
import { HttpError } from './http-error.js';
import { validateBulkBody } from './validate-bulk-body.js';

/** What refused a body, as the hub answers it. */
function errorOf(err: unknown): BulkBodyError {
  if (err instanceof HttpError)
    return { statusCode: err.statusCode, code: err.code, message: err.message, details: err.details };
  // Nested too deep for a recursive step: the input's fault, answered as the hub answers it.
  if (err instanceof RangeError && /call stack/i.test(err.message))
    return {
      statusCode: 400,
      code: 'json_too_deep',
      message: 'the request body nests too deep to be processed',
    };
  return { message: err instanceof Error ? err.message : String(err) };
}

/**
 * A bulk-body thread (bulk-body-pool.ts): parses and validates the bodies the hub hands over, one
 * at a time, and answers each chunk of records as soon as it is ready to write, then the records'
 * answers — or the error the hub's thread would have made.
 */
parentPort!.on('message', (m: BulkBodyRequest) => {
  const post = (reply: BulkBodyReply) => parentPort!.postMessage(reply);
  try {
    const bytes = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength);
    const done = validateBulkBody(m.kind, bytes, m.ndjson, m.maxRecords, (chunk) =>
      post({ id: m.id, chunk }),
    );
    post({ id: m.id, done });
  } catch (err) {
    post({ id: m.id, error: errorOf(err) });
  }
});
