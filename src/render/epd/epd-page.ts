import type { EpdFont } from './epd-fonts.js';

/** A4 in points, the margins, and the palette of the form. */
export const PAGE = { width: 595.28, height: 841.89, margin: 28 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const INK = '#000000';
export const RULE = '#6b6b6b';
export const SHADE = '#e6e6e6';

/** The document with a cursor: where the next block goes, and a new page when it does not fit. */
export class EpdPen {
  y: number = PAGE.margin;
  private fontName: EpdFont | undefined;
  private fontSize = 0;

  /** What every page of the current receipt carries at its foot (drawn when the page starts). */
  footer: (() => void) | undefined;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Starts a page and puts the cursor at its top. */
  newPage(): void {
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    this.fontName = undefined;
    this.pages++;
    this.footer?.();
    this.y = PAGE.margin;
  }

  /** Pages started so far. */
  pages = 0;

  /** Makes room for `height` points: a new page when the block would cross the bottom margin. */
  ensure(height: number): boolean {
    if (this.y + height <= PAGE.height - PAGE.margin) return false;
    this.newPage();
    return true;
  }

  font(name: EpdFont, size: number): PDFKit.PDFDocument {
    if (name !== this.fontName || size !== this.fontSize) {
      this.doc.font(name).fontSize(size);
      this.fontName = name;
      this.fontSize = size;
    }
    return this.doc;
  }

  /**
   * One line of text, never wrapped: a width is given to pdfkit only to align right or centre (with a
   * width it would break a long word at its hyphen onto a line of its own).
   */
  line(
    text: string,
    x: number,
    y: number,
    opts: { width?: number; align?: 'left' | 'right' | 'center' } = {},
  ): void {
    if (opts.align && opts.align !== 'left') this.doc.text(text, x, y, { lineBreak: false, ...opts });
    else this.doc.text(text, x, y, { lineBreak: false });
  }
}
