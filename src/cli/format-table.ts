export interface TableOptions {
  /**
   * The column (index) whose long cells wrap onto continuation lines instead of widening the
   * table: messages stay whole and readable. Nothing is ever cut.
   */
  wrap?: number;
  /** Line width the wrapped column fits into; default the terminal's, or 120 in pipes and logs. */
  width?: number;
}

/** The narrowest a wrapped column gets, however wide the other columns are. */
const MIN_WRAP = 30;

/**
 * Rows under a header, columns padded with spaces; numeric cells right-aligned. Plain text with no
 * box drawing, so it survives logs, e-mail and Windows consoles (like the import summary).
 */
export function formatTable(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  opts: TableOptions = {},
): string {
  const cells = rows.map((r) =>
    head.map((_, c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))),
  );
  const numeric = head.map((_, c) => cells.length > 0 && cells.every((r) => /^(-?\d+)?$/.test(r[c]!)));
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const w = opts.wrap;
  if (w !== undefined && w < head.length) {
    const others = widths.reduce((sum, x, c) => (c === w ? sum : sum + x + 2), 0);
    const room = Math.max(MIN_WRAP, head[w]!.length, (opts.width ?? terminalWidth()) - others);
    widths[w] = Math.min(widths[w]!, room);
  }
  const render = (row: readonly string[]) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const lines = [render(head)];
  for (const row of cells) {
    if (w === undefined || row[w]!.length <= widths[w]!) {
      lines.push(render(row));
      continue;
    }
    wrapText(row[w]!, widths[w]!).forEach((part, i) => {
      lines.push(render(row.map((cell, c) => (c === w ? part : i === 0 ? cell : ''))));
    });
  }
  return lines.join('\n');
}

function terminalWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120;
}

/** Lines of at most `width` characters, broken at spaces where there are any. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text.replace(/\s+/g, ' ').trim();
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}
