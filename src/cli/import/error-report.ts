import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecordError } from '../../domain/issues-to-errors.js';
import { CliError } from '../cli-error.js';

/** An error with where it is: for a planned CSV file the column header as written (null when no column holds the field). */
export interface ReportedError extends RecordError {
  column?: string | null;
  /** The line, when it is not the record's own (a receipt line's row in a flat export). */
  line?: number;
}

/**
 * One line of the report: enough to find the record in the file and see what is wrong with it.
 * A problem with the file's header (an unknown or missing column) has index and key null.
 */
export interface RejectedRecord {
  file: string;
  line: number;
  /** 0-based position of the record among the file's records of its kind; null for the header. */
  index: number | null;
  kind: string;
  key: string | null;
  errors: ReportedError[];
}

/** How many entries are kept in memory for the summary printed after the import. */
const FIRST_KEPT = 10;

/**
 * The NDJSON file of rejected records. It is created on the first rejection (replacing one from an
 * earlier run) and written once per batch; when a run rejects nothing, no report is left behind —
 * not even a stale one — so "is there a report?" answers "did the last import reject anything?".
 */
export class ErrorReport {
  private pending: string[] = [];
  private opened = false;
  count = 0;
  /** The first entries, for the summary on the terminal. */
  readonly first: RejectedRecord[] = [];

  constructor(readonly path: string) {}

  add(entry: RejectedRecord): void {
    this.pending.push(JSON.stringify(entry));
    if (this.first.length < FIRST_KEPT) this.first.push(entry);
    this.count++;
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    try {
      if (this.opened) {
        appendFileSync(this.path, text);
      } else {
        mkdirSync(dirname(this.path), { recursive: true });
        writeFileSync(this.path, text);
        this.opened = true;
      }
    } catch (err) {
      throw new CliError(
        `cannot write the report ${this.path}: ${(err as Error).message}; choose another --report`,
      );
    }
  }

  close(): void {
    this.flush();
    if (this.count === 0) rmSync(this.path, { force: true });
  }
}
