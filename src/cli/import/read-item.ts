import type { UnreadableRecord } from '../../store/ingest-records.js';

/** One record as read from an import file, with where it came from. */
export interface ReadItem {
  /** The record as read (CSV: nested by the header's dotted paths), or why it could not be read. */
  record: unknown | UnreadableRecord;
  /** 1-based line the record starts on, for the error report. */
  line: number;
  /** File bytes consumed so far (for progress; the file size is the total). */
  bytesRead: number;
}
