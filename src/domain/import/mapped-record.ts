import type { EntityKindName } from '../entity-kinds.js';
import type { RecordError } from '../issues-to-errors.js';

/** A record error with where it is in the file: the column header as written and the line. */
export interface LocatedError extends RecordError {
  column?: string | undefined;
  line?: number | undefined;
}

/** A canonical record made from one or more rows of a file, with what is needed to report on it. */
export interface MappedRecord {
  kind: EntityKindName;
  record: Record<string, unknown>;
  /** The line of its (first) row. */
  line: number;
  /** Found while mapping: the record is refused without being sent. */
  errors: LocatedError[];
  /** The column and line of an error reported later at a path of this record. */
  locate(path: string): { column: string | undefined; line: number };
}
