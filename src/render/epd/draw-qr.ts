import QRCode from 'qrcode';
import { type EpdPen, INK, num } from './epd-page.js';
import { bestMask } from './qr-mask.js';

/**
 * Draws a QR code of `bytes` (byte mode, error correction M) as vector squares — no raster image in
 * the PDF, so it stays sharp at any zoom and costs a few hundred bytes. Runs of dark modules in a row
 * are one rectangle each. Answers the code's size in modules.
 */
export function drawQr(pen: EpdPen, bytes: Uint8Array, x: number, y: number, size: number): number {
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
  // Written in module units under one scaling: a short integer rectangle per run of dark modules in a
  // row (pdfkit's rect() per run, or point coordinates formatted per run, cost more than the code).
  // A hair taller than the module: neighbouring rows overlap instead of leaving seams when rasterised.
  const h = String(Math.round((1 + 0.05 / cell) * 1000) / 1000);
  const scale = String(Math.round(cell * 10000) / 10000);
  const ops: string[] = [`q ${scale} 0 0 ${scale} ${num(x)} ${num(y)} cm`];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      ops.push(`${start} ${row} ${col - start} ${h} re`);
    }
  }
  ops.push('f Q');
  pen.fillColor(INK);
  pen.path(ops.join('\n'));
  return n;
}
