import { type EpdFont, epdFaces } from './epd-fonts.js';
import { FaceInDocument } from './face-in-document.js';

/** A4 in points, the margins, and the palette of the form. */
export const PAGE = { width: 595.28, height: 841.89, margin: 28 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const INK = '#000000';
export const RULE = '#6b6b6b';
export const SHADE = '#e6e6e6';

/** A number as a content stream writes it: two decimals are a hundredth of a point. */
export const num = (v: number): string => String(Math.round(v * 100) / 100);

const rgbCache = new Map<string, string>();
/** "#6b6b6b" → "0.42 0.42 0.42" (the operands of rg / RG). */
function rgb(color: string): string {
  let ops = rgbCache.get(color);
  if (!ops) {
    ops = [1, 3, 5].map((i) => num(Number.parseInt(color.slice(i, i + 2), 16) / 255)).join(' ');
    rgbCache.set(color, ops);
  }
  return ops;
}

/**
 * The document with a cursor: where the next block goes, and a new page when it does not fit. The pen
 * writes the page's content stream itself — text as CIDs of the shared font subsets, rules and boxes
 * as path operators — and hands it to pdfkit once per page: pdfkit's text layout (line wrapper,
 * per-fragment save/restore, per-call byte conversion) was most of the time of a page, and a receipt
 * needs none of it. Coordinates are pdfkit's: points from the top left.
 */
export class EpdPen {
  y: number = PAGE.margin;
  private face: FaceInDocument;
  private size = 0;
  private readonly faces: Record<EpdFont, FaceInDocument>;
  private ops: string[] = [];
  private fill = INK;
  private stroke = '';
  private strokeWidth = -1;

  /** What every page of the current receipt carries at its foot (drawn when the page starts). */
  footer: (() => void) | undefined;

  /** Pages started so far. */
  pages = 0;

  constructor(readonly doc: PDFKit.PDFDocument) {
    const shared = epdFaces();
    this.faces = {
      regular: new FaceInDocument(shared.regular, 'F1', doc),
      bold: new FaceInDocument(shared.bold, 'F2', doc),
    };
    this.face = this.faces.regular;
  }

  /** Starts a page and puts the cursor at its top. */
  newPage(): void {
    this.flush();
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    // A page starts with the default graphics state: black fill, no stroke colour or width set.
    this.fill = INK;
    this.stroke = '';
    this.strokeWidth = -1;
    this.pages++;
    this.footer?.();
    this.y = PAGE.margin;
  }

  /** Makes room for `height` points: a new page when the block would cross the bottom margin. */
  ensure(height: number): boolean {
    if (this.y + height <= PAGE.height - PAGE.margin) return false;
    this.newPage();
    return true;
  }

  font(name: EpdFont, size: number): void {
    this.face = this.faces[name];
    this.size = size;
  }

  /** The width of `text` in the current font and size. */
  widthOf(text: string): number {
    return this.face.widthOf(text, this.size);
  }

  /**
   * One line of text, never wrapped, its top at `y`; with a width it is aligned right or centred in it
   * (trailing spaces are not counted when aligning right).
   */
  line(
    text: string,
    x: number,
    y: number,
    opts: { width?: number; align?: 'left' | 'right' | 'center' } = {},
  ): void {
    if (text === '') return;
    const { hex, width } = this.face.encode(text, this.size);
    let left = x;
    if (opts.width !== undefined && opts.align === 'right')
      left += opts.width - (/\s$/.test(text) ? this.widthOf(text.trimEnd()) : width);
    else if (opts.width !== undefined && opts.align === 'center') left += (opts.width - width) / 2;
    this.fillColor(INK);
    const page = this.doc.page as unknown as { fonts: Record<string, unknown> };
    page.fonts[this.face.name] ??= this.face.dictionary();
    const baseline = y + (this.face.face.ascender * this.size) / 1000;
    // The page's user space runs top down; the text matrix flips the glyphs back upright.
    this.ops.push(
      `BT /${this.face.name} ${num(this.size)} Tf 1 0 0 -1 ${num(left)} ${num(baseline)} Tm <${hex}> Tj ET`,
    );
  }

  /** Appends path operators (re, m, l …) to be painted by `fillPath` or `strokePath`. */
  path(ops: string): void {
    this.ops.push(ops);
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.ops.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re`);
  }

  moveTo(x: number, y: number): void {
    this.ops.push(`${num(x)} ${num(y)} m`);
  }

  lineTo(x: number, y: number): void {
    this.ops.push(`${num(x)} ${num(y)} l`);
  }

  fillPath(color: string): void {
    this.fillColor(color);
    this.ops.push('f');
  }

  strokePath(width: number, color: string): void {
    if (width !== this.strokeWidth) {
      this.ops.push(`${num(width)} w`);
      this.strokeWidth = width;
    }
    if (color !== this.stroke) {
      this.ops.push(`${rgb(color)} RG`);
      this.stroke = color;
    }
    this.ops.push('S');
  }

  /**
   * An image XObject of `data` (its dictionary given), `size` points square with its top left at x, y;
   * an image mask paints in `color`.
   */
  image(dictionary: object, data: Buffer, x: number, y: number, size: number, color: string): void {
    const ref = this.doc.ref(dictionary) as unknown as { end(chunk: Buffer): void };
    ref.end(data);
    const page = this.doc.page as unknown as { xobjects: Record<string, unknown> };
    const name = `I${++this.images}`;
    page.xobjects[name] = ref;
    this.fillColor(color);
    // Image space is the unit square with its first row at the top; the page's user space runs down.
    this.ops.push(`q ${num(size)} 0 0 ${num(-size)} ${num(x)} ${num(y + size)} cm /${name} Do Q`);
  }

  private images = 0;

  /** Sets the fill colour (outside any q … Q the pen writes, so the pen's record of it holds). */
  fillColor(color: string): void {
    if (color === this.fill) return;
    this.ops.push(`${rgb(color)} rg`);
    this.fill = color;
  }

  /** Hands the page's operators to pdfkit (once per page: each call of its own costs a conversion). */
  private flush(): void {
    if (this.ops.length === 0) return;
    this.ops.push('');
    this.doc.addContent(Buffer.from(this.ops.join('\n'), 'latin1'));
    this.ops = [];
  }

  /** Ends the last page's content and writes the fonts' objects; call before the document ends. */
  finish(): void {
    this.flush();
    this.faces.regular.finish();
    this.faces.bold.finish();
  }
}
