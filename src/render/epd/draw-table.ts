import { type EpdPen, PAGE, RULE, SHADE } from './epd-page.js';

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableRow {
  cells: readonly string[];
  bold?: boolean;
}

const FONT_SIZE = 7;
const HEADER_SIZE = 6.5;
const PAD_X = 2.5;
const PAD_Y = 2.6;
const LINE = 8.4;

/**
 * A ruled table at the pen's cursor: a shaded header (repeated on a new page), then the rows. A cell
 * that does not fit its column wraps; the row grows to its tallest cell.
 */
export function drawTable(pen: EpdPen, columns: readonly Column[], rows: readonly TableRow[]): void {
  const left = PAGE.margin;
  drawHeader(pen, columns);
  for (const row of rows) {
    pen.font(row.bold ? 'bold' : 'regular', FONT_SIZE);
    const lines = row.cells.map((text, i) => linesOf(pen, text, (columns[i]?.width ?? 0) - 2 * PAD_X));
    const height = Math.max(1, ...lines.map((l) => l.length)) * LINE + 2 * PAD_Y - (LINE - FONT_SIZE - 1);
    if (pen.ensure(height)) {
      drawHeader(pen, columns);
      pen.font(row.bold ? 'bold' : 'regular', FONT_SIZE);
    }
    let x = left;
    columns.forEach((col, i) => {
      (lines[i] ?? []).forEach((text, n) => {
        pen.line(text, x + PAD_X, pen.y + PAD_Y + n * LINE, {
          width: col.width - 2 * PAD_X,
          align: col.align ?? 'left',
        });
      });
      x += col.width;
    });
    rule(pen, pen.y, height, columns);
    pen.y += height;
  }
}

function drawHeader(pen: EpdPen, columns: readonly Column[]): void {
  pen.font('bold', HEADER_SIZE);
  const lines = columns.map((c) => linesOf(pen, c.title, c.width - 2 * PAD_X));
  const height = Math.max(...lines.map((l) => l.length)) * (HEADER_SIZE + 1.2) + 2 * PAD_Y;
  pen.ensure(height + LINE + 2 * PAD_Y);
  const width = columns.reduce((s, c) => s + c.width, 0);
  pen.rect(PAGE.margin, pen.y, width, height);
  pen.fillPath(SHADE);
  let x = PAGE.margin;
  columns.forEach((col, i) => {
    const block = lines[i] ?? [];
    const top = pen.y + (height - block.length * (HEADER_SIZE + 1.2)) / 2;
    block.forEach((text, n) => {
      pen.line(text, x + PAD_X, top + n * (HEADER_SIZE + 1.2), {
        width: col.width - 2 * PAD_X,
        align: 'center',
      });
    });
    x += col.width;
  });
  rule(pen, pen.y, height, columns);
  pen.y += height;
}

/** Borders of one row: the outline and the column separators, one stroke. */
function rule(pen: EpdPen, top: number, height: number, columns: readonly Column[]): void {
  let x = PAGE.margin;
  const width = columns.reduce((s, c) => s + c.width, 0);
  pen.rect(x, top, width, height);
  for (const col of columns.slice(0, -1)) {
    x += col.width;
    pen.moveTo(x, top);
    pen.lineTo(x, top + height);
  }
  pen.strokePath(0.4, RULE);
}

/** Greedy word wrap by the current font's widths; a word longer than the width stays on its own line. */
export function linesOf(pen: EpdPen, text: string, width: number): string[] {
  if (text === '' || pen.widthOf(text) <= width) return [text];
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current !== '' && pen.widthOf(next) > width) {
      out.push(current);
      current = word;
    } else {
      current = next;
    }
  }
  if (current !== '') out.push(current);
  return out;
}
