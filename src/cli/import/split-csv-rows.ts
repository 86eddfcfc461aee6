import type { TextChunk } from './read-text-chunks.js';

/** One row of a delimited file, or the rest of the file a quote that never closes made unreadable. */
export type CsvRow =
  | { cells: string[]; line: number; bytesRead: number }
  | { unclosedQuote: true; line: number; lastLine: number; bytesRead: number };

/**
 * The rows of a delimited text (1С exports, Excel "CSV"), streamed, each with the line it starts
 * on. A line without a quote — nearly every line 1С writes — is split as it is; a line with one is
 * read by the quoting rules: a cell that starts with `"` is quoted (`""` is a quote, delimiters and
 * line breaks inside are text), a quote anywhere else is text (`ООО "Ромашка"`, as 1С writes it).
 * Empty lines are skipped (but counted); CRLF and LF both end a row. A quote opened and never
 * closed ends the file with an `unclosedQuote` naming the lines that could not be read.
 * csv-parse read these files before: it spent five times as long per row, which a flat export of
 * one row per receipt line multiplies by twelve.
 */
export async function* splitCsvRows(
  chunks: AsyncIterable<TextChunk>,
  delimiter: string,
): AsyncGenerator<CsvRow> {
  for await (const rows of splitCsvRowBatches(chunks, delimiter)) yield* rows;
}

/**
 * splitCsvRows a chunk's rows at a time: one step of the async iteration per chunk read instead of
 * one per row (a flat export has twelve rows per receipt; the per-row promise was a tenth of
 * reading it).
 */
export async function* splitCsvRowBatches(
  chunks: AsyncIterable<TextChunk>,
  delimiter: string,
): AsyncGenerator<CsvRow[]> {
  let rest = '';
  let line = 1;
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead = chunk.bytesRead;
    const text = rest + chunk.text;
    let pos = 0;
    const batch: CsvRow[] = [];
    for (;;) {
      const row = nextRow(text, pos, delimiter, false);
      if (row === undefined) break;
      if (row.cells !== undefined) batch.push({ cells: row.cells, line, bytesRead });
      line += row.lines;
      pos = row.end;
    }
    rest = text.slice(pos);
    if (batch.length > 0) yield batch;
  }
  let pos = 0;
  const batch: CsvRow[] = [];
  while (pos < rest.length) {
    const row = nextRow(rest, pos, delimiter, true);
    if (row === undefined) {
      const lastLine = line + countNewlines(rest.slice(pos, rest.endsWith('\n') ? -1 : undefined));
      batch.push({ unclosedQuote: true, line, lastLine, bytesRead });
      break;
    }
    if (row.cells !== undefined) batch.push({ cells: row.cells, line, bytesRead });
    line += row.lines;
    pos = row.end;
  }
  if (batch.length > 0) yield batch;
}

interface Row {
  /** Undefined for an empty line. */
  cells: string[] | undefined;
  /** Where the next row starts. */
  end: number;
  /** Line breaks the row spans, its own included. */
  lines: number;
}

/** The row at `start`, or undefined when the text ends inside it (unless `atEnd`: then only inside a quote). */
function nextRow(text: string, start: number, delimiter: string, atEnd: boolean): Row | undefined {
  const nl = text.indexOf('\n', start);
  if (nl === -1 && !atEnd) return undefined;
  const stop = nl === -1 ? text.length : nl;
  const plain = text.slice(start, stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop);
  if (!plain.includes('"')) {
    return { cells: plain === '' ? undefined : plain.split(delimiter), end: stop + 1, lines: 1 };
  }
  return quotedRow(text, start, delimiter, atEnd);
}

function quotedRow(text: string, start: number, delimiter: string, atEnd: boolean): Row | undefined {
  const cells: string[] = [];
  let i = start;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return undefined; // the quote is still open where the text ends
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    // Up to the next delimiter or line break: the whole cell, or what follows a closing quote.
    const d = text.indexOf(delimiter, i);
    const n = text.indexOf('\n', i);
    if (n === -1 && !atEnd) return undefined;
    const endOfRow = n === -1 ? text.length : n;
    const k = d !== -1 && d < endOfRow ? d : endOfRow;
    let tail = text.slice(i, k);
    if (k === endOfRow && tail.endsWith('\r')) tail = tail.slice(0, -1);
    cells.push(value + tail);
    if (k === d && d < endOfRow) {
      i = d + delimiter.length;
      continue;
    }
    return { cells, end: endOfRow + 1, lines: countNewlines(text.slice(start, endOfRow)) + 1 };
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
