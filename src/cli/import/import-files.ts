import { basename, resolve } from 'node:path';
import {
  DEPENDENCY_ORDER,
  type EntityKind,
  type EntityKindName,
  entityKinds,
} from '../../domain/entity-kinds.js';
import type { ColumnPlan } from '../../domain/import/column-plan.js';
import { type ImportMapping, NO_MAPPING } from '../../domain/import/import-mapping.js';
import type { LocatedError, MappedRecord } from '../../domain/import/mapped-record.js';
import { recipientFallbacks } from '../../domain/import/recipient-fallbacks.js';
import { keyOfInput } from '../../domain/key-of-input.js';
import { UnreadableRecord } from '../../store/record-validation.js';
import { CliError } from '../cli-error.js';
import { ProgressReporter } from '../progress-reporter.js';
import { ErrorReport, type RejectedRecord, type ReportedError } from './error-report.js';
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
  /** CSV: column names, constants and value formats beyond the built-in ones (`--mapping`). */
  mapping?: ImportMapping | undefined;
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
  /** false for the houses and premises an accounts file also makes (their time is the file's). */
  primary: boolean;
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
  /** Entries in the report: rejected records and files whose header has a problem. */
  reported: number;
  /** The first of them, for the terminal. */
  firstReported: RejectedRecord[];
}

interface Pending {
  record: unknown;
  line: number;
  index: number;
  mapped: MappedRecord | undefined;
}

/** What one import shares across its files. */
interface ImportRun {
  opts: ImportOptions;
  batchSize: number;
  report: ErrorReport;
  progress: ProgressReporter;
  /** Receipts without recipient columns are paid to the organization's first bank account. */
  fallbacks: Record<string, string>;
  /** Keys of the houses and premises already read: many account rows name the same house. */
  companionKeys: Map<string, Set<string>>;
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
  const org = await opts.sink.checkOrg();
  const run: ImportRun = {
    opts,
    batchSize,
    report: new ErrorReport(reportPath),
    progress: opts.progress ?? new ProgressReporter(),
    fallbacks: recipientFallbacks(org),
    companionKeys: new Map(),
  };
  const results: FileTotals[] = [];
  try {
    for (const file of files) results.push(...(await importFile(file, run)));
  } finally {
    run.report.close();
  }
  const report = run.report;
  return {
    files: results,
    kinds: totalsByKind(results),
    total: sum(results),
    reportPath: report.count > 0 ? reportPath : undefined,
    reported: report.count,
    firstReported: report.first,
  };
}

/**
 * One file: its records in batches to the sink. A CSV file's rows go through its column plan, and
 * may make records of other kinds as well (an accounts file makes houses and premises, sent before
 * the accounts that refer to them); one totals row per kind, the file's own kind first.
 */
async function importFile(file: ImportFile, run: ImportRun): Promise<FileTotals[]> {
  const { opts, report, progress } = run;
  const started = performance.now();
  let layout: DetectedLayout | undefined;
  const totals = new Map<string, FileTotals>();
  const totalsOf = (kind: string) => {
    let t = totals.get(kind);
    if (t === undefined) {
      t = { file: file.path, kind, layout: undefined, primary: kind === file.kind.name, ...zero() };
      totals.set(kind, t);
    }
    return t;
  };
  const own = totalsOf(file.kind.name);
  const reject = (kind: string, p: Pending, key: string | undefined, errors: ReportedError[]) => {
    totalsOf(kind).rejected++;
    report.add({ file: file.path, line: p.line, index: p.index, kind, key: key ?? null, errors });
  };
  let batches = new Map<EntityKindName, Pending[]>();
  const send = async (full: Map<EntityKindName, Pending[]>) => {
    for (const kindName of DEPENDENCY_ORDER) {
      const sent = full.get(kindName);
      if (!sent?.length) continue;
      // The houses and premises an accounts file makes only add to what is stored: a houses
      // export's ФИАС code or cadastral number must survive an accounts export without them.
      const answers = await opts.sink.send(
        entityKinds[kindName] as EntityKind,
        sent.map((p) => p.record),
        { merge: kindName !== file.kind.name },
      );
      answers.forEach((a, i) => {
        const p = sent[i]!;
        if (a.status === 'rejected') reject(kindName, p, a.key, located(p, a.errors ?? []));
        else totalsOf(kindName)[a.status]++;
      });
    }
    report.flush();
  };
  // One batch is written while the next is read and mapped (on PostgreSQL the database works in
  // its own process meanwhile). Everything the report says goes through this chain, in file order.
  let inflight: Promise<void> = Promise.resolve();
  const after = (work: () => void | Promise<void>) => {
    inflight = inflight.then(work);
    inflight.catch(() => {}); // surfaces at the next await of `inflight`
  };
  const flush = async () => {
    const full = batches;
    batches = new Map();
    const previous = inflight;
    after(() => send(full));
    await previous;
  };
  const onPlan = (plan: ColumnPlan) => {
    if (plan.problems.length === 0) return;
    report.add({
      file: file.path,
      line: 1,
      index: null,
      kind: file.kind.name,
      key: null,
      errors: plan.problems.map((p) => ({
        code: p.code,
        path: p.field ?? '',
        column: p.column,
        message: p.message,
      })),
    });
    report.flush();
  };
  const label = `import ${basename(file.path)}`;
  progress.start(label, file.size);
  let read = 0;
  try {
    const items = readRecords(file.path, {
      format: file.format,
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      onDetected: (detected) => {
        layout = detected;
      },
      kind: file.kind,
      plan: { mapping: opts.mapping ?? NO_MAPPING, fallbacks: run.fallbacks },
      onPlan,
    });
    for await (const item of items) {
      const kind = item.mapped?.kind ?? (file.kind.name as EntityKindName);
      if (kind !== file.kind.name) {
        if (!firstTime(run, kind, item.mapped!.record)) continue;
      } else if (COMPANION_KINDS.has(kind) && item.mapped) {
        // A houses or premises file's records are the ones later files' rows would only repeat.
        firstTime(run, kind, item.mapped.record);
      }
      const t = totalsOf(kind);
      const pending: Pending = {
        record: item.record,
        line: item.line,
        index: t.records++,
        mapped: item.mapped,
      };
      read++;
      if (item.record instanceof UnreadableRecord) {
        // Never sent: the hub would number a broken line by its position in the batch, not the file.
        const error = item.record.error;
        after(() => reject(kind, pending, undefined, [error]));
      } else if (item.mapped?.errors.length) {
        const key = keyOfInput(entityKinds[kind] as EntityKind, item.mapped.record);
        const errors = item.mapped.errors.map((e) => reported(e, pending.line));
        after(() => reject(kind, pending, key, errors));
      } else {
        let batch = batches.get(kind);
        if (batch === undefined) {
          batch = [];
          batches.set(kind, batch);
        }
        batch.push(pending);
        if (batch.length >= run.batchSize) await flush();
      }
      // Every 256 records is smooth enough for the eye and keeps the per-record cost nil.
      if ((read & 0xff) === 0) {
        progress.update(item.bytesRead, { records: own.records, rejected: own.rejected });
      }
    }
    await flush();
    await inflight;
  } catch (err) {
    await inflight.catch(() => {});
    progress.stop(`${label}: stopped after ${own.records} records`);
    // A file that vanished or cannot be read mid-way is the user's to fix: one line, no stack.
    // (fs errors carry the path; a database's network error does not name the file and stays as is).
    if ((err as NodeJS.ErrnoException).path === file.path) {
      throw new CliError(`cannot read ${file.path}: ${(err as Error).message}`);
    }
    throw err;
  }
  const ms = performance.now() - started;
  const rows = [...totals.values()].sort(
    (a, b) => Number(b.primary) - Number(a.primary) || order(a.kind) - order(b.kind),
  );
  for (const t of rows) {
    t.layout = layout;
    finish(t, ms);
  }
  progress.stop(
    `${label}: ${own.records} ${file.kind.plural} in ${own.seconds.toFixed(1)} s (${own.recordsPerSecond} rec/s): ` +
      `${own.created} created, ${own.updated} updated, ${own.unchanged} unchanged, ${own.rejected} rejected` +
      rows
        .filter((t) => !t.primary)
        .map((t) => `; ${t.records} ${entityKinds[t.kind as EntityKindName].plural}`)
        .join(''),
  );
  return rows;
}

const COMPANION_KINDS: ReadonlySet<string> = new Set(['house', 'premise']);

/**
 * True the first time this import meets a house or premise key; later rows naming it add nothing —
 * nor does a row naming one a houses or premises file of the same import already had (which also
 * keeps a dry run's counts true: it cannot see its own rolled-back batches).
 */
function firstTime(run: ImportRun, kind: string, record: Record<string, unknown>): boolean {
  const key = keyOfInput(entityKinds[kind as EntityKindName] as EntityKind, record);
  if (key === undefined) return true;
  let seen = run.companionKeys.get(kind);
  if (seen === undefined) {
    seen = new Set();
    run.companionKeys.set(kind, seen);
  }
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** An error found while mapping, as the report has it. */
function reported(e: LocatedError, recordLine: number): ReportedError {
  const out: ReportedError = { code: e.code, path: e.path, column: e.column ?? null, message: e.message };
  if (e.line !== undefined && e.line !== recordLine) out.line = e.line;
  return out;
}

/** The store's errors for a sent record, with the column and line of each path in the file. */
function located(p: Pending, errors: readonly ReportedError[]): ReportedError[] {
  if (p.mapped === undefined) return [...errors];
  return errors.map((e) => {
    const where = p.mapped!.locate(e.path);
    const out: ReportedError = { ...e, column: where.column ?? null };
    if (where.line !== p.line) out.line = where.line;
    return out;
  });
}

function order(kind: string): number {
  return DEPENDENCY_ORDER.indexOf(kind as EntityKindName);
}

function zero(): Counts {
  return { records: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, seconds: 0, recordsPerSecond: 0 };
}

function finish(c: Counts, ms: number): void {
  c.seconds = ms / 1000;
  c.recordsPerSecond = c.seconds > 0 ? Math.round(c.records / c.seconds) : 0;
}

function sum(items: readonly (Counts & { primary?: boolean })[]): Counts {
  const total = zero();
  for (const c of items) {
    total.records += c.records;
    total.created += c.created;
    total.updated += c.updated;
    total.unchanged += c.unchanged;
    total.rejected += c.rejected;
    // A file's companion rows share its time.
    if (c.primary !== false) total.seconds += c.seconds;
  }
  total.recordsPerSecond = total.seconds > 0 ? Math.round(total.records / total.seconds) : 0;
  return total;
}

function totalsByKind(files: readonly FileTotals[]): KindTotals[] {
  const byKind = new Map<string, FileTotals[]>();
  for (const f of files) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  return [...byKind].map(([kind, list]) => ({ kind, files: list.length, ...sum(list) }));
}
