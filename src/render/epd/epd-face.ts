import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { toUnicodeCmap } from './to-unicode-cmap.js';

/** The fontkit members the face reads (pdfkit's own font engine; the font is parsed once per process). */
export interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  postscriptName: string;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  post: { isFixedPitch: boolean };
  head: { macStyle: { italic: boolean } };
  'OS/2'?: { sFamilyClass: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  getGlyph(id: number): { advanceWidth: number };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}

/**
 * The characters receipts are written in: ASCII, the Russian alphabet with Ё/ё, Latin-1's signs (NBSP,
 * «», §, °, ±, ², ³, ×, ÷), the dashes, quotes and ellipsis, №, ₽ and the minus sign. Their glyphs form one subset
 * made, compressed and named once per process and embedded as the same bytes in every PDF —
 * subsetting the font anew for each receipt was a third of the time of rendering one. About 12 KB a
 * face deflated. A character outside the set still prints: the document that uses it gets its own
 * subset (the set plus its extra glyphs).
 */
const BASE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xbb],
  [0xd7, 0xd7],
  [0xf7, 0xf7],
  [0x401, 0x401],
  [0x410, 0x451],
  [0x2013, 0x2014],
  [0x2018, 0x201e],
  [0x2026, 0x2026],
  [0x2116, 0x2116],
  [0x20bd, 0x20bd],
  [0x2212, 0x2212],
];

/** One typeface's fixed subset and metrics: code point → CID (the glyph's place in the subset), widths. */
export class EpdFace {
  /** 1000/unitsPerEm: fontkit units to PDF glyph space. */
  readonly scale: number;
  readonly ascender: number;
  /** Glyph ids of the subset in CID order (CID 0 is .notdef). */
  readonly glyphIds: number[] = [];
  /** Widths by CID in glyph space (thousandths of the font size). */
  readonly widths: number[] = [];
  /** The code points each CID prints, for the text layer. */
  readonly unicode: number[][] = [];
  readonly cidOfGlyph = new Map<number, number>();
  readonly cidOfCodePoint = new Map<number, number>();
  /** The subset's TrueType bytes deflated, its ToUnicode map deflated, and the subset's PDF name. */
  readonly fontFile: Buffer;
  readonly fontFileLength: number;
  readonly cmap: Buffer;
  readonly baseName: string;
  readonly descriptor: Record<string, unknown>;

  constructor(readonly font: FontkitFont) {
    this.scale = 1000 / font.unitsPerEm;
    this.ascender = font.ascent * this.scale;
    const subset = font.createSubset();
    this.addGlyph(0, font.getGlyph(0).advanceWidth, [0]); // .notdef: the subset's first glyph (fontkit adds it)
    for (const [from, to] of BASE_RANGES) {
      for (let cp = from; cp <= to; cp++) {
        if (!font.hasGlyphForCodePoint(cp)) continue;
        const glyph = font.glyphForCodePoint(cp);
        let cid = this.cidOfGlyph.get(glyph.id);
        if (cid === undefined) {
          cid = subset.includeGlyph(glyph.id);
          if (cid !== this.glyphIds.length)
            throw new Error(`font subset out of order at U+${cp.toString(16)}`);
          this.addGlyph(glyph.id, glyph.advanceWidth, [cp]);
        }
        this.cidOfCodePoint.set(cp, cid);
      }
    }
    const bytes = subset.encode();
    this.fontFile = deflateSync(bytes);
    this.fontFileLength = bytes.length;
    this.cmap = deflateSync(toUnicodeCmap(this.unicode));
    this.baseName = subsetName(bytes, font.postscriptName);
    this.descriptor = descriptorOf(font, this.scale);
  }

  private addGlyph(id: number, advanceWidth: number, codePoints: number[]): void {
    this.cidOfGlyph.set(id, this.glyphIds.length);
    this.glyphIds.push(id);
    this.widths.push(advanceWidth * this.scale);
    this.unicode.push(codePoints);
  }
}

/** "ABCDEF+PTSans-Regular": the six-letter subset tag PDF asks for, taken from the subset's bytes. */
export function subsetName(bytes: Uint8Array, postscriptName: string): string {
  const digest = createHash('sha1').update(bytes).digest();
  const tag = [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${tag}+${postscriptName.replaceAll(' ', '_')}`;
}

/** The FontDescriptor's entries (the same ones pdfkit writes for an embedded TrueType font). */
function descriptorOf(font: FontkitFont, scale: number): Record<string, unknown> {
  const familyClass = (font['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2; // symbolic: the glyphs are addressed by CID, not a standard encoding
  if (font.post.isFixedPitch) flags |= 1;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (font.head.macStyle.italic) flags |= 1 << 6;
  const b = font.bbox;
  return {
    Type: 'FontDescriptor',
    Flags: flags,
    FontBBox: [b.minX * scale, b.minY * scale, b.maxX * scale, b.maxY * scale],
    ItalicAngle: font.italicAngle,
    Ascent: font.ascent * scale,
    Descent: font.descent * scale,
    CapHeight: (font.capHeight || font.ascent) * scale,
    XHeight: (font.xHeight || 0) * scale,
    StemV: 0,
  };
}
