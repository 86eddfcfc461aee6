import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { EntityKind } from '../../domain/entity-kinds.js';
import { DEPENDENCY_ORDER } from '../../domain/entity-kinds.js';
import { CliError } from '../cli-error.js';
import { formatFromFileName, type ImportFormat } from './format-from-file-name.js';
import { kindFromFileName } from './kind-from-file-name.js';

export interface ImportFile {
  path: string;
  kind: EntityKind;
  format: ImportFormat;
  /** Bytes, the total of the file's progress bar. */
  size: number;
}

/**
 * The files an import reads, each with its kind and format, decided before anything is written so
 * that a file nobody can place stops the run up front instead of half-way. A directory contributes
 * its files with a known extension (not hidden ones, not earlier error reports), in dependency
 * order and then by name (receipts-2024-01 before receipts-2024-02); named files keep their order.
 */
export function listImportFiles(
  paths: readonly string[],
  opts: { kind?: EntityKind | undefined; format?: ImportFormat | undefined } = {},
): ImportFile[] {
  const out: ImportFile[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, format: ImportFormat | undefined, size: number) => {
    if (seen.has(resolve(path))) return;
    seen.add(resolve(path));
    const kind = opts.kind ?? kindFromFileName(path);
    if (format === undefined) {
      throw new CliError(`${path}: cannot tell the format from the extension; pass --format ndjson|json|csv`);
    }
    if (kind === undefined) unknown.push(path);
    else out.push({ path, kind, format, size });
  };
  for (const path of paths) {
    const stat = statOf(path);
    if (stat.isDirectory()) {
      const files = readdirSync(path)
        .filter((n) => !n.startsWith('.') && !n.endsWith('.errors.ndjson') && formatFromFileName(n))
        .map((n) => ({ path: join(path, n), stat: statOf(join(path, n)) }))
        .filter((f) => f.stat.isFile());
      if (files.length === 0) {
        throw new CliError(
          `${path}: no .ndjson, .jsonl, .json, .csv or .txt files to import in this directory`,
        );
      }
      files.sort(
        (a, b) =>
          rank(a.path, opts.kind) - rank(b.path, opts.kind) ||
          basename(a.path).localeCompare(basename(b.path)),
      );
      for (const f of files) add(f.path, opts.format ?? formatFromFileName(f.path), f.stat.size);
    } else {
      add(path, opts.format ?? formatFromFileName(path), stat.size);
    }
  }
  if (unknown.length > 0) {
    throw new CliError(
      `cannot tell which kind of records ${unknown.join(', ')} ${unknown.length === 1 ? 'holds' : 'hold'}: ` +
        `name files after a kind (accounts.csv, 02_receipts-2024-01.csv; kinds: ${DEPENDENCY_ORDER.join(', ')}) or pass --kind`,
    );
  }
  return out;
}

function rank(path: string, override: EntityKind | undefined): number {
  const kind = override ?? kindFromFileName(path);
  return kind === undefined
    ? DEPENDENCY_ORDER.length
    : (DEPENDENCY_ORDER as readonly string[]).indexOf(kind.name);
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as Error).message}`);
  }
}
