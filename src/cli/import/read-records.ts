import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { EntityKind } from '../../domain/entity-kinds.js';
import type { ColumnPlan, PlanOptions } from '../../domain/import/column-plan.js';
import { NO_MAPPING } from '../../domain/import/import-mapping.js';
import { CliError } from '../cli-error.js';
import { csvRowToRecord } from './csv-row-to-record.js';
import { type CsvDelimiter, detectDelimiter } from './detect-delimiter.js';
import { detectEncoding, ENCODING_SAMPLE_BYTES } from './detect-encoding.js';
import { formatFromFileName, type ImportFormat } from './format-from-file-name.js';
import { planRows } from './plan-rows.js';
import { type RowReader, readCsvRecords } from './read-csv-records.js';
import type { ReadItem } from './read-item.js';
import { readJsonRecords } from './read-json-records.js';
import { readNdjsonRecords } from './read-ndjson-records.js';
import type { TextEncoding } from './read-text-chunks.js';

export type EncodingOption = 'auto' | TextEncoding;

export interface ReadOptions {
  /** Overrides the format the extension announces. */
  format?: ImportFormat | undefined;
  encoding?: EncodingOption | undefined;
  /** CSV only; detected from the header line when not given. */
  delimiter?: string | undefined;
  /** Told what was decided for this file (for the summary and the log). */
  onDetected?: ((detected: DetectedLayout) => void) | undefined;
  /**
   * CSV: the kind the file holds, so that its columns are planned (Russian names, 1С values, flat
   * exports; domain/import). Without it, header names are taken as dotted paths and cells as text.
   */
  kind?: EntityKind | undefined;
  /** CSV with a kind: the mapping and fallback constants. */
  plan?: PlanOptions | undefined;
  /** CSV with a kind: told the file's column plan (its problems are the header's). */
  onPlan?: ((plan: ColumnPlan) => void) | undefined;
}

export interface DetectedLayout {
  format: ImportFormat;
  encoding: TextEncoding;
  delimiter?: string;
}

/**
 * The records of one import file, one at a time, with their line numbers. NDJSON and CSV are
 * streamed (memory stays flat for any size), JSON is read whole. The encoding is UTF-8 or
 * windows-1251, detected from the first 64 KiB unless given; the CSV delimiter from the header.
 * An unreadable file (missing, not JSON at all) throws; a bad record is yielded as UnreadableRecord.
 */
export async function* readRecords(path: string, opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const format = opts.format ?? formatFromFileName(path);
  if (format === undefined) {
    throw new CliError(`${path}: cannot tell the format from the extension; pass --format ndjson|json|csv`);
  }
  const sample = await readSample(path);
  const encoding = !opts.encoding || opts.encoding === 'auto' ? detectEncoding(sample) : opts.encoding;
  if (format === 'csv') {
    const delimiter = unescapeDelimiter(opts.delimiter ?? detectDelimiter(headerLine(sample, encoding)));
    opts.onDetected?.({ format, encoding, delimiter });
    const rows = opts.kind
      ? planRows(path, opts.kind, opts.plan ?? { mapping: NO_MAPPING }, opts.onPlan)
      : dottedPathRows;
    yield* readCsvRecords(path, encoding, delimiter, rows);
    return;
  }
  opts.onDetected?.({ format, encoding });
  yield* format === 'json' ? readJsonRecords(path, encoding) : readNdjsonRecords(path, encoding);
}

/** Rows as nested records by the header's dotted paths, every cell as text. */
const dottedPathRows: RowReader = (header) => ({
  row: (cells, line, bytesRead) => [{ record: csvRowToRecord(header, cells), line, bytesRead }],
  end: () => [],
});

async function readSample(path: string): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    const buffer = Buffer.alloc(ENCODING_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function headerLine(sample: Uint8Array, encoding: TextEncoding): string {
  const text = iconv.decode(Buffer.from(sample), encoding === 'utf8' ? 'utf8' : 'cp1251');
  return text.split('\n', 1)[0] ?? '';
}

/** `--delimiter '\t'` arrives as backslash-t from most shells; "tab" is accepted as well. */
function unescapeDelimiter(d: string): CsvDelimiter | string {
  return d === '\\t' || d.toLowerCase() === 'tab' ? '\t' : d;
}
