import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { UnreadableRecord } from '../../store/ingest-records.js';
import type { ReadItem } from './read-item.js';
import { readTextChunks, type TextEncoding } from './read-text-chunks.js';

/** Turns the rows after the header into records: given the header, returns the row → items function. */
export type RowReader = (header: string[]) => {
  row(cells: string[], line: number, bytesRead: number): Iterable<ReadItem>;
  end(bytesRead: number): Iterable<ReadItem>;
};

/**
 * A delimited text file (1С exports, Excel "CSV"), streamed through csv-parse. The first row is the
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
  // The last line the parser (which runs ahead of this loop) finished a row on.
  let lastLine = 0;
  // csv-parse reports a row it had to skip through a callback, possibly ahead of rows it has
  // already parsed but not yet handed out; they wait here and are yielded in line order.
  const skipped: { line: number; message: string }[] = [];
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // The line each row ends on, from the one context csv-parse builds per row anyway (its
    // `info: true` would build a second one; both cost more than the row's own parsing).
    on_record: (record: string[], context) => {
      lastLine = context.lines;
      // Typed as the row itself, but any value may stand for it; the loop below reads this shape.
      return { record, info: { lines: context.lines } } as unknown as string[];
    },
    on_skip: (err: CsvError | undefined) => {
      if (err) skipped.push(describeSkip(err, lastLine));
      return undefined;
    },
  });
  const source = Readable.from(
    (async function* () {
      for await (const chunk of readTextChunks(path, encoding)) {
        bytesRead = chunk.bytesRead;
        yield chunk.text;
      }
    })(),
  );
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  const unreadable = (line: number, code: string, message: string): ReadItem => ({
    record: new UnreadableRecord({ code, path: '', message }),
    line,
    bytesRead,
  });
  let header: string[] | undefined;
  let reader: ReturnType<RowReader> | undefined;
  let named = 0;
  try {
    for await (const { record: row, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // info.lines is where the row ends; quoted line breaks inside it tell where it began.
      const line = info.lines - row.reduce((n, cell) => n + countNewlines(cell), 0);
      while (skipped.length > 0 && skipped[0]!.line < line) {
        const s = skipped.shift()!;
        yield unreadable(s.line, 'csv_malformed', s.message);
      }
      if (header === undefined) {
        header = row.map((h) => h.trim());
        named = header.findLastIndex((h) => h !== '') + 1;
        reader = rows(header);
        continue;
      }
      if (!fitsHeader(row, named)) {
        yield unreadable(
          line,
          'csv_field_count',
          `line ${line} has ${row.length} cells but the header names ${named}`,
        );
        continue;
      }
      yield* reader!.row(row, line, bytesRead);
    }
    for (const s of skipped.splice(0)) yield unreadable(s.line, 'csv_malformed', s.message);
    if (reader) yield* reader.end(bytesRead);
  } finally {
    source.destroy();
  }
}

/**
 * A row must fill every named column; cells beyond the last named one are tolerated when empty,
 * because many exporters end every row (or only the header) with a delimiter.
 */
function fitsHeader(row: readonly string[], named: number): boolean {
  return row.length >= named && row.slice(named).every((c) => c.trim() === '');
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function describeSkip(err: CsvError, lastLine: number): { line: number; message: string } {
  const at = typeof err.lines === 'number' ? err.lines : lastLine + 1;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The parser ran to the end of the file looking for the closing quote: everything after the
    // last good row is lost, so point at where that starts rather than at the end of the file.
    return {
      line: lastLine + 1,
      message: `a quote opened at or after line ${lastLine + 1} is never closed; lines ${lastLine + 1}–${at} could not be read`,
    };
  }
  return { line: at, message: `line ${at}: ${err.message}` };
}
