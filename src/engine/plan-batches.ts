import type { WireRecord } from './connector/connector.js';

export interface SizedRecord {
  record: WireRecord;
  hash: string;
  bytes: number;
  /** The source tag to remember with the delivery (self-contained streams), see deliveries.source. */
  source?: string | undefined;
}

/**
 * Cuts records into batches bounded by count and by bytes (the platform's own measure), keeping
 * input order. A record larger than the byte limit on its own is returned in `oversize`: no batch
 * can carry it, so it becomes a record error instead of a request the platform must refuse.
 */
export function planBatches(
  records: readonly SizedRecord[],
  limits: { maxRecords: number; maxBytes: number },
): { batches: SizedRecord[][]; oversize: SizedRecord[] } {
  const batches: SizedRecord[][] = [];
  const oversize: SizedRecord[] = [];
  let current: SizedRecord[] = [];
  let bytes = 0;
  for (const r of records) {
    if (r.bytes > limits.maxBytes) {
      oversize.push(r);
      continue;
    }
    if (current.length > 0 && (current.length >= limits.maxRecords || bytes + r.bytes > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += r.bytes;
  }
  if (current.length > 0) batches.push(current);
  return { batches, oversize };
}
