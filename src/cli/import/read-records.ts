import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { CliError } from '../cli-error.js';
import { type CsvDelimiter, detectDelimiter } from './detect-delimiter.js';
import { detectEncoding, ENCODING_SAMPLE_BYTES } from './detect-encoding.js';
import { formatFromFileName, type ImportFormat } from './format-from-file-name.js';
import { readCsvRecords } from './read-csv-records.js';
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
    yield* readCsvRecords(path, encoding, delimiter);
    return;
  }
  opts.onDetected?.({ format, encoding });
  yield* format === 'json' ? readJsonRecords(path, encoding) : readNdjsonRecords(path, encoding);
}

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
