import { parentPort } from 'node:worker_threads';
import type { BulkBodyError, BulkBodyReply, BulkBodyRequest } from './bulk-body-protocol.js';
import { HttpError } from './http-error.js';
import { validateBulkBody } from './validate-bulk-body.js';

/**
 * A bulk-body thread (bulk-body-pool.ts): parses and validates the bodies the hub hands over, one
 * at a time, and answers the records ready to write or the error the hub's thread would have made.
 */
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

parentPort!.on('message', (m: BulkBodyRequest) => {
  let reply: BulkBodyReply;
  try {
    const bytes = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength);
    reply = { id: m.id, ok: true, validated: validateBulkBody(m.kind, bytes, m.ndjson, m.maxRecords) };
  } catch (err) {
    reply = { id: m.id, ok: false, error: errorOf(err) };
  }
  parentPort!.postMessage(reply);
});
