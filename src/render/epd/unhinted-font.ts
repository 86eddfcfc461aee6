/**
 * A TrueType font without its hinting: the glyph programs, `fpgm`, `prep`, `cvt ` and `hdmx` are
 * dropped and the outlines kept byte for byte. PT Sans is heavily hinted — the instructions are
 * most of each glyph's bytes — and hinting only matters for small text on low-resolution screens,
 * not for a printed or zoomed receipt. Without it a page's embedded font subsets are a third the
 * size. Done once per process on the file from the font package.
 */
const DROP = new Set(['fpgm', 'prep', 'cvt ', 'hdmx', 'DSIG']);

interface Table {
  tag: string;
  data: Buffer;
}

export function unhintedFont(font: Buffer): Buffer {
  const tables = readTables(font);
  const head = tables.get('head');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  const maxp = tables.get('maxp');
  if (!head || !loca || !glyf || !maxp) throw new Error('not a TrueType font with glyf outlines');
  const numGlyphs = maxp.readUInt16BE(4);
  const longLoca = head.readInt16BE(50) === 1;
  const offset = (i: number) => (longLoca ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  const glyphs: Buffer[] = [];
  for (let i = 0; i < numGlyphs; i++)
    glyphs.push(withoutInstructions(glyf.subarray(offset(i), offset(i + 1))));

  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  let at = 0;
  glyphs.forEach((g, i) => {
    newLoca.writeUInt32BE(at, i * 4);
    at += g.length;
  });
  newLoca.writeUInt32BE(at, numGlyphs * 4);
  const newHead = Buffer.from(head);
  newHead.writeInt16BE(1, 50); // long loca offsets
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment: recomputed below
  const kept: Table[] = [];
  for (const [tag, data] of tables) {
    if (DROP.has(tag)) continue;
    const replaced =
      tag === 'glyf' ? Buffer.concat(glyphs) : tag === 'loca' ? newLoca : tag === 'head' ? newHead : data;
    kept.push({ tag, data: replaced });
  }
  return writeFont(font.readUInt32BE(0), kept);
}

/** The glyph with no instructions (simple: instructionLength 0; composite: WE_HAVE_INSTRUCTIONS off). */
function withoutInstructions(g: Buffer): Buffer {
  if (g.length === 0) return g;
  const contours = g.readInt16BE(0);
  if (contours >= 0) {
    const lenAt = 10 + contours * 2;
    const n = g.readUInt16BE(lenAt);
    const out = Buffer.concat([g.subarray(0, lenAt), Buffer.alloc(2), g.subarray(lenAt + 2 + n)]);
    return pad4(out);
  }
  let pos = 10;
  let flags = 0;
  let last = 0;
  do {
    last = pos;
    flags = g.readUInt16BE(pos);
    pos += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) pos += 2;
    else if (flags & 0x0040) pos += 4;
    else if (flags & 0x0080) pos += 8;
  } while (flags & 0x0020);
  const out = Buffer.from(g.subarray(0, pos));
  out.writeUInt16BE(out.readUInt16BE(last) & ~0x0100, last);
  return pad4(out);
}

function pad4(b: Buffer): Buffer {
  return b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
}

function readTables(font: Buffer): Map<string, Buffer> {
  const count = font.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = font.toString('latin1', rec, rec + 4);
    const off = font.readUInt32BE(rec + 8);
    const len = font.readUInt32BE(rec + 12);
    tables.set(tag, font.subarray(off, off + len));
  }
  return tables;
}

function checksum(data: Buffer): number {
  const padded = pad4(data);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** An sfnt file: the directory (tables sorted by tag, as the format asks), then each table padded to 4. */
function writeFont(version: number, tables: Table[]): Buffer {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = tables.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const dir = Buffer.alloc(12 + n * 16);
  dir.writeUInt32BE(version, 0);
  dir.writeUInt16BE(n, 4);
  dir.writeUInt16BE(pow * 16, 6);
  dir.writeUInt16BE(Math.log2(pow), 8);
  dir.writeUInt16BE(n * 16 - pow * 16, 10);
  let at = dir.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    dir.write(t.tag, rec, 'latin1');
    dir.writeUInt32BE(checksum(t.data), rec + 4);
    dir.writeUInt32BE(at, rec + 8);
    dir.writeUInt32BE(t.data.length, rec + 12);
    const body = pad4(t.data);
    bodies.push(body);
    at += body.length;
  });
  const file = Buffer.concat([dir, ...bodies]);
  const headAt = file.readUInt32BE(12 + tables.findIndex((t) => t.tag === 'head') * 16 + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}
