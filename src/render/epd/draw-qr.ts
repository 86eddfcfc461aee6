import QRCode from 'qrcode';
import { INK } from './epd-page.js';

/**
 * Draws a QR code of `bytes` (byte mode, error correction M) as vector squares — no raster image in
 * the PDF, so it stays sharp at any zoom and costs a few hundred bytes. Runs of dark modules in a row
 * are one rectangle each. Answers the code's size in modules.
 */
export function drawQr(doc: PDFKit.PDFDocument, bytes: Uint8Array, x: number, y: number, size: number): number {
  const qr = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fill(INK);
  return n;
}
