import { z } from 'zod';
import { HttpError } from './http-error.js';

export const OrgParams = z.object({ org: z.string().min(1).max(63) });

/** A `?name=true|false` query flag, false when left out. */
export function queryFlag(description?: string) {
  const flag = z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true');
  return description === undefined ? flag : flag.describe(description);
}

export const PageQuery = z.object({
  after: z.string().optional().describe('the `next` cursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  includeDeleted: queryFlag(),
});

export const RecordErrorSchema = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const BulkResult = z.object({
  kind: z.string(),
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  results: z.array(
    z.object({
      index: z.number(),
      key: z.string().optional(),
      status: z.enum(['created', 'updated', 'unchanged', 'rejected']),
      errors: z.array(RecordErrorSchema).optional(),
    }),
  ),
});

/** List cursors are opaque to clients: base64url of the last key of the page. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor) {
    throw new HttpError(400, 'bad_cursor', `"${cursor}" is not a cursor this API returned`);
  }
  return key;
}
