import type { MappedRecord } from '../../domain/import/mapped-record.js';
import type { UnreadableRecord } from '../../store/record-validation.js';

/** One record as read from an import file, with where it came from. */
export interface ReadItem {
  /** The record as read (CSV: nested by the header's dotted paths), or why it could not be read. */
  record: unknown | UnreadableRecord;
  /** 1-based line the record starts on, for the error report. */
  line: number;
  /** File bytes consumed so far (for progress; the file size is the total). */
  bytesRead: number;
  /**
   * A record a CSV file's column plan made: its kind (an account row also makes its house and
   * premise), the errors found while mapping it, and the column behind an error path.
   */
  mapped?: MappedRecord;
}
