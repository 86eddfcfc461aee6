import { UnreadableRecord } from '../../store/record-validation.js';
import type { ReadItem } from './read-item.js';
import { readTextChunks, type TextEncoding } from './read-text-chunks.js';
import { splitCsvRowBatches } from './split-csv-rows.js';

/** Turns the rows after the header into records: given the header, returns the row → items function. */
export type RowReader = (header: string[]) => {
  row(cells: string[], line: number, bytesRead: number): Iterable<ReadItem>;
  end(bytesRead: number): Iterable<ReadItem>;
};

/**
 * A delimited text file (1С exports, Excel "CSV"), streamed a chunk of rows at a time (splitCsvRowBatches). The first row is the
 * header; `rows` says what every later row becomes (a nested record by dotted paths, or the records
 * a column plan makes). Quotes inside unquoted cells (`ООО "Ромашка"`) are kept as text, the way 1С
 * writes them. A row that cannot be parsed or has a different number of cells than the header is
 * that record's error, not the file's.
 */
export async function* readCsvRecords(
  path: string,
  encoding: TextEncoding,
  delimiter: string,
  rows: RowReader,
): AsyncGenerator<ReadItem> {
  let bytesRead = 0;
  const unreadable = (line: number, code: string, message: string): ReadItem => ({
    record: new UnreadableRecord({ code, path: '', message }),
    line,
    bytesRead,
  });
  let reader: ReturnType<RowReader> | undefined;
  let named = 0;
  read: for await (const batch of splitCsvRowBatches(readTextChunks(path, encoding), delimiter)) {
    for (const row of batch) {
      bytesRead = row.bytesRead;
      const { line } = row;
      if ('unclosedQuote' in row) {
        // Everything after the last good row is lost: say where that starts.
        yield unreadable(
          line,
          'csv_malformed',
          `a quote opened at or after line ${line} is never closed; lines ${line}–${row.lastLine} could not be read`,
        );
        break read;
      }
      if (reader === undefined) {
        const header = row.cells.map((h) => h.trim());
        named = header.findLastIndex((h) => h !== '') + 1;
        reader = rows(header);
        continue;
      }
      if (!fitsHeader(row.cells, named)) {
        yield unreadable(
          line,
          'csv_field_count',
          `line ${line} has ${row.cells.length} cells but the header names ${named}`,
        );
        continue;
      }
      yield* reader.row(row.cells, line, bytesRead);
    }
  }
  if (reader) yield* reader.end(bytesRead);
}

/**
 * A row must fill every named column; cells beyond the last named one are tolerated when empty,
 * because many exporters end every row (or only the header) with a delimiter.
 */
function fitsHeader(row: readonly string[], named: number): boolean {
  if (row.length < named) return false;
  for (let i = named; i < row.length; i++) if (row[i]!.trim() !== '') return false;
  return true;
}
