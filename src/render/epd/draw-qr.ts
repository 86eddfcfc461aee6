import QRCode from 'qrcode';
import { INK } from './epd-page.js';
import { bestMask } from './qr-mask.js';

/**
 * Draws a QR code of `bytes` (byte mode, error correction M) as vector squares — no raster image in
 * the PDF, so it stays sharp at any zoom and costs a few hundred bytes. Runs of dark modules in a row
 * are one rectangle each. Answers the code's size in modules.
 */
export function drawQr(
  doc: PDFKit.PDFDocument,
  bytes: Uint8Array,
  x: number,
  y: number,
  size: number,
): number {
  const segments = [{ data: bytes, mode: 'byte' as const }];
  const first = QRCode.create(segments, { errorCorrectionLevel: 'M', maskPattern: 0 });
  const {
    data: firstData,
    reservedBit,
    size: firstSize,
  } = first.modules as typeof first.modules & {
    reservedBit: Uint8Array;
  };
  const mask = bestMask(firstData, reservedBit, firstSize, 0);
  const qr =
    mask === 0 ? first : QRCode.create(segments, { errorCorrectionLevel: 'M', maskPattern: mask as 0 });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const cell = size / n;
  // The path is written as content operators directly (pdfkit's rect() per run cost more than the code
  // itself); coordinates are in the page's top-down user space pdfkit sets up.
  const ops: string[] = [];
  const num = (v: number) => v.toFixed(2);
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      // A hair taller than the module: neighbouring rows overlap instead of leaving seams when rasterised.
      ops.push(
        `${num(x + start * cell)} ${num(y + row * cell)} ${num((col - start) * cell)} ${num(cell + 0.05)} re`,
      );
    }
  }
  doc.fillColor(INK);
  doc.addContent(`${ops.join('\n')}\nf`);
  return n;
}
