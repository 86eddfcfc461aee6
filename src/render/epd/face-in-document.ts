import type { EpdFace } from './epd-face.js';
import { subsetName } from './epd-face.js';
import { toUnicodeCmap } from './to-unicode-cmap.js';

/** The part of a pdfkit object reference used here (its typings declare `end`'s chunk as required). */
interface Ref {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}

const HEX: string[] = [];
const hex = (cid: number) => {
  let h = HEX[cid];
  if (h === undefined) {
    h = cid.toString(16).padStart(4, '0');
    HEX[cid] = h;
  }
  return h;
};

/**
 * A face as one PDF file uses it: encodes text as CIDs of the shared subset, measures it, and writes
 * the font's objects when the file ends. A character outside the shared set gets the next CID and
 * makes this file's subset its own (the shared glyphs first, in the same order, so their CIDs hold).
 */
export class FaceInDocument {
  private ref: Ref | undefined;
  private readonly extraGlyphs: number[] = [];
  private readonly extraWidths: number[] = [];
  private readonly extraUnicode: number[][] = [];
  private readonly extraCid = new Map<number, number>();

  constructor(
    readonly face: EpdFace,
    readonly name: string,
    private readonly doc: PDFKit.PDFDocument,
  ) {}

  private newRef(data: object): Ref {
    return this.doc.ref(data) as unknown as Ref;
  }

  /** The font dictionary this file's pages point to (written by `finish`). */
  dictionary(): Ref {
    this.ref ??= this.newRef({});
    return this.ref;
  }

  private cidOf(cp: number): number {
    const cid = this.face.cidOfCodePoint.get(cp) ?? this.extraCid.get(cp);
    if (cid !== undefined) return cid;
    const glyph = this.face.font.glyphForCodePoint(cp);
    let found = this.face.cidOfGlyph.get(glyph.id);
    if (found === undefined) {
      const at = this.extraGlyphs.indexOf(glyph.id);
      found = this.face.glyphIds.length + (at >= 0 ? at : this.extraGlyphs.length);
      if (at < 0) {
        this.extraGlyphs.push(glyph.id);
        this.extraWidths.push(glyph.advanceWidth * this.face.scale);
        this.extraUnicode.push([cp]);
      }
    }
    this.extraCid.set(cp, found);
    return found;
  }

  private widthOfCid(cid: number): number {
    const shared = this.face.widths.length;
    return cid < shared ? this.face.widths[cid]! : this.extraWidths[cid - shared]!;
  }

  /** The text as a hex string of CIDs and its width at `size` points. */
  encode(text: string, size: number): { hex: string; width: number } {
    let out = '';
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
        cp = text.codePointAt(i)!;
        i++;
      }
      const cid = this.cidOf(cp);
      out += hex(cid);
      width += this.widthOfCid(cid);
    }
    return { hex: out, width: (width * size) / 1000 };
  }

  /** The text's width at `size` points. */
  widthOf(text: string, size: number): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
        cp = text.codePointAt(i)!;
        i++;
      }
      width += this.widthOfCid(this.cidOf(cp));
    }
    return (width * size) / 1000;
  }

  /** Writes the font's objects: the shared subset as made once, or this file's own one. */
  finish(): void {
    if (!this.ref) return;
    const face = this.face;
    const own = this.extraGlyphs.length > 0;
    let fontFile: Ref;
    let cmap: Ref;
    let name = face.baseName;
    let widths = face.widths;
    if (own) {
      const subset = face.font.createSubset();
      for (const id of [...face.glyphIds.slice(1), ...this.extraGlyphs]) subset.includeGlyph(id);
      const bytes = subset.encode();
      name = subsetName(bytes, face.font.postscriptName);
      widths = [...face.widths, ...this.extraWidths];
      fontFile = this.newRef({ Length1: bytes.length });
      fontFile.end(Buffer.from(bytes));
      cmap = this.newRef({});
      cmap.end(toUnicodeCmap([...face.unicode, ...this.extraUnicode]));
    } else {
      // Already deflated: a Filter in the dictionary keeps pdfkit from compressing the stream again.
      fontFile = this.newRef({ Length1: face.fontFileLength, Filter: 'FlateDecode' });
      fontFile.end(face.fontFile);
      cmap = this.newRef({ Filter: 'FlateDecode' });
      cmap.end(face.cmap);
    }
    const descriptor = this.newRef({ ...face.descriptor, FontName: name, FontFile2: fontFile });
    descriptor.end();
    const descendant = this.newRef({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, widths],
      CIDToGIDMap: 'Identity',
    });
    descendant.end();
    Object.assign(this.ref.data, {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [descendant],
      ToUnicode: cmap,
    });
    this.ref.end();
  }
}
