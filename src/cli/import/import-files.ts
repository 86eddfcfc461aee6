import { basename, resolve } from 'node:path';
import type { RecordError } from '../../domain/issues-to-errors.js';
import { UnreadableRecord } from '../../store/ingest-records.js';
import { CliError } from '../cli-error.js';
import { ProgressReporter } from '../progress-reporter.js';
import { coerceToSchema } from './coerce-to-schema.js';
import { ErrorReport } from './error-report.js';
import type { ImportFormat } from './format-from-file-name.js';
import { type ImportFile, listImportFiles } from './list-import-files.js';
import { parseKindOption } from './parse-kind-option.js';
import { type DetectedLayout, type EncodingOption, readRecords } from './read-records.js';
import type { RecordSink } from './record-sink.js';

export const DEFAULT_BATCH = 5000;

export interface ImportOptions {
  sink: RecordSink;
  /** Kind of every file (name or plural); otherwise each file's name tells. */
  kind?: string | undefined;
  format?: ImportFormat | undefined;
  encoding?: EncodingOption | undefined;
  delimiter?: string | undefined;
  /** Records per request / transaction. */
  batchSize?: number | undefined;
  /** Where rejected records go; default `<first input>.errors.ndjson`. */
  reportPath?: string | undefined;
  progress?: ProgressReporter | undefined;
}

export interface Counts {
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  seconds: number;
  recordsPerSecond: number;
}

export interface FileTotals extends Counts {
  file: string;
  kind: string;
  layout: DetectedLayout | undefined;
}

export interface KindTotals extends Counts {
  kind: string;
  files: number;
}

export interface ImportResult {
  files: FileTotals[];
  kinds: KindTotals[];
  total: Counts;
  /** Set when something was rejected: the NDJSON file listing each rejected record. */
  reportPath: string | undefined;
}

interface Pending {
  record: unknown;
  line: number;
  index: number;
}

/**
 * Imports files and directories of records into one organization: reads each file as a stream,
 * sends its records to the sink in batches, and writes every rejected record to the report with its
 * file and line. Good records always land; bad ones never stop the import. Fatal problems (a file
 * nobody can place, a missing organization, an unreadable file, a refused request) throw CliError.
 */
export async function importPaths(paths: readonly string[], opts: ImportOptions): Promise<ImportResult> {
  if (paths.length === 0) throw new CliError('nothing to import: name at least one file or directory');
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliError(`--batch must be a positive integer`);
  const kind = opts.kind === undefined ? undefined : parseKindOption(opts.kind);
  const files = listImportFiles(paths, { kind, format: opts.format });
  // Next to the first input, also when that is a directory (`exports/` → `exports.errors.ndjson`).
  const reportPath = opts.reportPath ?? `${resolve(paths[0]!)}.errors.ndjson`;
  if (files.some((f) => resolve(f.path) === resolve(reportPath))) {
    throw new CliError(`the report ${reportPath} would overwrite an input file; choose another --report`);
  }
  await opts.sink.checkOrg();
  const progress = opts.progress ?? new ProgressReporter();
  const report = new ErrorReport(reportPath);
  const results: FileTotals[] = [];
  try {
    for (const file of files) results.push(await importFile(file, opts, batchSize, report, progress));
  } finally {
    report.close();
  }
  return {
    files: results,
    kinds: totalsByKind(results),
    total: sum(results),
    reportPath: report.count > 0 ? reportPath : undefined,
  };
}

async function importFile(
  file: ImportFile,
  opts: ImportOptions,
  batchSize: number,
  report: ErrorReport,
  progress: ProgressReporter,
): Promise<FileTotals> {
  const started = performance.now();
  const totals: FileTotals = { file: file.path, kind: file.kind.name, layout: undefined, ...zero() };
  const label = `import ${basename(file.path)}`;
  const reject = (p: Pending, key: string | undefined, errors: RecordError[]) => {
    totals.rejected++;
    report.add({ file: file.path, line: p.line, index: p.index, key: key ?? null, errors });
  };
  let batch: Pending[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    const answers = await opts.sink.send(
      file.kind,
      sent.map((p) => p.record),
    );
    answers.forEach((a, i) => {
      if (a.status === 'rejected') reject(sent[i]!, a.key, a.errors ?? []);
      else totals[a.status]++;
    });
    report.flush();
  };
  progress.start(label, file.size);
  try {
    const items = readRecords(file.path, {
      format: file.format,
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      onDetected: (layout) => {
        totals.layout = layout;
      },
    });
    for await (const item of items) {
      const pending: Pending = { record: item.record, line: item.line, index: totals.records++ };
      if (item.record instanceof UnreadableRecord) {
        // Never sent: the hub would number a broken line by its position in the batch, not the file.
        reject(pending, undefined, [item.record.error]);
      } else {
        if (file.format === 'csv') pending.record = coerceToSchema(file.kind.schema, item.record);
        batch.push(pending);
        if (batch.length >= batchSize) await flush();
      }
      // Every 256 records is smooth enough for the eye and keeps the per-record cost nil.
      if ((totals.records & 0xff) === 0) {
        progress.update(item.bytesRead, { records: totals.records, rejected: totals.rejected });
      }
    }
    await flush();
  } catch (err) {
    progress.stop(`${label}: stopped after ${totals.records} records`);
    // A file that vanished or cannot be read mid-way is the user's to fix: one line, no stack.
    // (fs errors carry the path; a database's network error does not name the file and stays as is).
    if ((err as NodeJS.ErrnoException).path === file.path) {
      throw new CliError(`cannot read ${file.path}: ${(err as Error).message}`);
    }
    throw err;
  }
  finish(totals, performance.now() - started);
  progress.stop(
    `${label}: ${totals.records} ${file.kind.plural} in ${totals.seconds.toFixed(1)} s (${totals.recordsPerSecond} rec/s): ` +
      `${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.rejected} rejected`,
  );
  return totals;
}

function zero(): Counts {
  return { records: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, seconds: 0, recordsPerSecond: 0 };
}

function finish(c: Counts, ms: number): void {
  c.seconds = ms / 1000;
  c.recordsPerSecond = c.seconds > 0 ? Math.round(c.records / c.seconds) : 0;
}

function sum(items: readonly Counts[]): Counts {
  const total = zero();
  for (const c of items) {
    total.records += c.records;
    total.created += c.created;
    total.updated += c.updated;
    total.unchanged += c.unchanged;
    total.rejected += c.rejected;
    total.seconds += c.seconds;
  }
  total.recordsPerSecond = total.seconds > 0 ? Math.round(total.records / total.seconds) : 0;
  return total;
}

function totalsByKind(files: readonly FileTotals[]): KindTotals[] {
  const byKind = new Map<string, FileTotals[]>();
  for (const f of files) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  return [...byKind].map(([kind, list]) => ({ kind, files: list.length, ...sum(list) }));
}
