import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';

/** jsqr is CommonJS with an ES-style `export default` in its types: take the function either way. */
type Decode = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' },
) => { binaryData: number[] } | null;
const loaded = jsQRModule as unknown as Decode | { default: Decode };
const jsQR: Decode = typeof loaded === 'function' ? loaded : loaded.default;

/** poppler-utils (pdftoppm, pdftotext, pdfinfo) is on this machine: `.ci/run` installs it when missing. */
export const POPPLER = spawnSync('pdftoppm', ['-v']).status === 0;
if (!POPPLER)
  console.warn('pdftoppm (Debian poppler-utils) is not installed: the ЕПД rendering checks are skipped');

function withFile<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'epd-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text layer of a PDF, as `pdftotext -layout` reads it. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

/** `pdfinfo`'s page count. */
export function pdfPages(pdf: Buffer): number {
  return withFile(pdf, (file) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]),
  );
}

/** Page `page` rasterised in grey at `dpi` (pdftoppm), as RGBA for jsQR. */
export function rasterize(
  pdf: Buffer,
  page = 1,
  dpi = 150,
): { width: number; height: number; rgba: Uint8ClampedArray } {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      join(dir, 'page'),
    ]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    // P5 <width> <height> <max>\n then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a PGM');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const pixels = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const v = pixels[i]!;
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
      rgba[i * 4 + 3] = 255;
    }
    return { width, height, rgba };
  });
}

/**
 * The bytes of the QR code jsQR finds in the top right quarter of the page (where the ЕПД has it),
 * rasterised at 300 dpi as a phone camera sees a print; undefined when there is none.
 */
export function readQr(pdf: Buffer, page = 1): Uint8Array | undefined {
  const { width, height, rgba } = rasterize(pdf, page, 300);
  const left = Math.floor(width / 2);
  const w = width - left;
  const h = Math.floor(height / 4);
  const crop = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    crop.set(rgba.subarray((y * width + left) * 4, (y * width + width) * 4), y * w * 4);
  const code = jsQR(crop, w, h, { inversionAttempts: 'dontInvert' });
  return code ? Uint8Array.from(code.binaryData) : undefined;
}
