/** The fontkit font members the fast layout uses. */
interface FontkitFont {
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph & { _decode(): unknown };
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A run the way pdfkit reads fontkit's GlyphRun: it scales the positions, then sums them. */
class Run {
  constructor(
    readonly glyphs: FontkitGlyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/**
 * The font with a layout that maps characters to glyphs through the cmap and advances by their
 * widths — no OpenType shaping (kerning, ligatures, contextual forms). A receipt's Cyrillic and
 * digits need none, and fontkit's shaping was most of the time of rendering a page. Everything
 * else (metrics, subsetting, embedding) is the font's own: the wrapper inherits from it.
 */
export function simpleLayoutFont(font: object): object {
  const f = font as FontkitFont;
  const glyphs = new Map<number, FontkitGlyph>();
  const glyphOf = (cp: number): FontkitGlyph => {
    let g = glyphs.get(cp);
    if (!g) {
      g = f.glyphForCodePoint(cp);
      glyphs.set(cp, g);
    }
    return g;
  };
  const wrapper = Object.create(font) as { layout(text: string): Run; getGlyph: FontkitFont['getGlyph'] };
  // Subsetting decodes every glyph it copies, for every document; the decoded outline never changes,
  // so each glyph keeps it (the glyph objects are the font's own cached ones).
  const decoded = new Set<number>();
  wrapper.getGlyph = (id, codePoints) => {
    const g = f.getGlyph.call(wrapper, id, codePoints);
    if (!decoded.has(id)) {
      const outline = g._decode();
      g._decode = () => outline;
      decoded.add(id);
    }
    return g;
  };
  wrapper.layout = (text: string) => {
    const run: FontkitGlyph[] = [];
    const positions: Position[] = [];
    for (const ch of text) {
      const g = glyphOf(ch.codePointAt(0) ?? 0);
      run.push(g);
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return new Run(run, positions);
  };
  return wrapper;
}
