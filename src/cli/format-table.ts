/**
 * Rows under a header, columns padded with spaces; numeric cells right-aligned. Plain text with no
 * box drawing, so it survives logs, e-mail and Windows consoles (like the import summary).
 */
export function formatTable(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  const numeric = head.map((_, c) => cells.length > 0 && cells.every((r) => /^-?\d*$/.test(r[c] ?? '')));
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((r) => (r[c] ?? '').length)));
  const render = (row: readonly string[]) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [render(head), ...cells.map(render)].join('\n');
}
