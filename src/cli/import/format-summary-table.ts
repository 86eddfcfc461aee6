import type { Counts, ImportResult } from './import-files.js';

const HEAD = [
  'file',
  'kind',
  'read as',
  'records',
  'created',
  'updated',
  'unchanged',
  'rejected',
  'seconds',
  'rec/s',
];

/**
 * The end-of-import table: one row per file and a total row, numbers right-aligned. Plain text
 * with spaces (no box drawing) so that it survives logs, e-mail and Windows consoles alike.
 */
export function formatSummaryTable(result: ImportResult): string {
  const rows = result.files.map((f) => {
    const layout = f.layout;
    const readAs = layout
      ? [
          layout.format,
          layout.encoding,
          layout.delimiter === undefined ? '' : delimiterName(layout.delimiter),
        ]
          .filter(Boolean)
          .join(' ')
      : '';
    return [f.file, f.kind, readAs, ...numbers(f)];
  });
  if (result.files.length > 1) rows.push(['total', '', '', ...numbers(result.total)]);
  const widths = HEAD.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [render(HEAD), ...rows.map(render)].join('\n');
}

function numbers(c: Counts): string[] {
  return [
    String(c.records),
    String(c.created),
    String(c.updated),
    String(c.unchanged),
    String(c.rejected),
    c.seconds.toFixed(1),
    String(c.recordsPerSecond),
  ];
}

function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `'${d}'`;
}
