import type { PrevalidatedRecords } from '../store/ingest-records.js';

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

export type BulkBodyReply =
  | { id: number; ok: true; validated: PrevalidatedRecords }
  | { id: number; ok: false; error: BulkBodyError };
