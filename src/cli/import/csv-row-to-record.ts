import { compactArrays, type Segment, setPath } from '../../domain/import/set-path.js';

/** Array indexes above this are taken as plain names: `lines.99999999` must not build a huge array. */
const MAX_INDEX = 9999;

const compiledHeaders = new WeakMap<readonly string[], (Segment[] | undefined)[]>();

/**
 * One CSV row as a nested record when no kind is known (`readRecords` without one): header names
 * are dotted paths into the record — `recipient.inn`, `lines.0.serviceId` — and numeric segments
 * make arrays. Cells are trimmed and empty ones omitted, so holes in arrays close up. An import of
 * a known kind plans its columns instead (domain/import/column-plan.ts).
 */
export function csvRowToRecord(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  const paths = compile(header);
  const out: Record<string, unknown> = {};
  for (let c = 0; c < paths.length; c++) {
    const path = paths[c];
    const value = row[c]?.trim();
    if (path === undefined || value === undefined || value === '') continue;
    setPath(out, path, value);
  }
  return compactArrays(out) as Record<string, unknown>;
}

function compile(header: readonly string[]): (Segment[] | undefined)[] {
  let paths = compiledHeaders.get(header);
  if (paths === undefined) {
    paths = header.map((name) => {
      const trimmed = name.trim();
      // A column without a name (a trailing delimiter) carries nothing.
      if (trimmed === '') return undefined;
      return trimmed.split('.').map((s) => (/^\d+$/.test(s) && Number(s) <= MAX_INDEX ? Number(s) : s));
    });
    compiledHeaders.set(header, paths);
  }
  return paths;
}
