import { createHash } from 'node:crypto';
import type { WireRecord } from './connector/connector.js';

/**
 * The hash of what would go on the wire for a record. Equal hashes mean the platform already holds
 * exactly this, so nothing is sent. The op is part of it: a delete after an upsert is a change.
 */
export function wireHash(record: WireRecord): string {
  return createHash('sha256')
    .update(record.op)
    .update('\u0000')
    .update(JSON.stringify(record.payload) ?? 'null')
    .digest('base64url');
}
