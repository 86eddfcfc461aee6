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
  const n = firstSize;
  const { modules: data } = bestMask(firstData, reservedBit, firstSize, 0);
  const cell = size / n;
  // Written in module units under one scaling, as short integer rectangles: a run of dark modules in a
  // row, grown downwards while the rows below have the very same run (pdfkit's rect() per run, or
  // point coordinates formatted per run, cost more than making the code). A hair taller than the
  // modules: neighbouring rows overlap instead of leaving seams when rasterised.
  const hair = Math.round((0.05 / cell) * 1000) / 1000;
  const scale = String(Math.round(cell * 10000) / 10000);
  const ops: string[] = [`q ${scale} 0 0 ${scale} ${num(x)} ${num(y)} cm`];
  // Runs open in the row above: start → [length, first row].
  let open = new Map<number, [number, number]>();
  const close = (start: number, [length, top]: [number, number], bottom: number) => {
    ops.push(`${start} ${top} ${length} ${Math.round((bottom - top + hair) * 1000) / 1000} re`);
  };
  for (let row = 0; row <= n; row++) {
    const next = new Map<number, [number, number]>();
    let col = 0;
    while (row < n && col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      const above = open.get(start);
      if (above && above[0] === col - start) {
        next.set(start, above);
        open.delete(start);
      } else next.set(start, [col - start, row]);
    }
    for (const [start, run] of open) close(start, run, row);
    open = next;
  }
  ops.push('f Q');
  pen.fillColor(INK);
  pen.path(ops.join('\n'));
  return n;
}
