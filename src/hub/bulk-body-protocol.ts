import type { ValidatedChunk } from '../store/ingest-records.js';
import type { ValidatedRecords } from '../store/record-validation.js';

/** A bulk request's body for a bulk-body thread to parse and validate as records of `kind`. */
export interface BulkBodyRequest {
  id: number;
  kind: string;
  body: Uint8Array;
  ndjson: boolean;
  maxRecords: number;
}

/** Why a body was refused: an HttpError's parts (4xx), or just a message for anything else (500). */
export interface BulkBodyError {
  statusCode?: number;
  code?: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A chunk as soon as it is validated, then the answers (`done`) — or the error, at any point. */
export type BulkBodyReply =
  | { id: number; chunk: ValidatedChunk }
  | { id: number; done: ValidatedRecords }
  | { id: number; error: BulkBodyError };
