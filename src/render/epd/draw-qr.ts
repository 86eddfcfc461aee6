import QRCode from 'qrcode';
import { type EpdPen, INK } from './epd-page.js';
import { bestMask } from './qr-mask.js';

/**
 * Draws a QR code of `bytes` (byte mode, error correction M) as a 1-bit image mask, one bit a module,
 * painted in ink without interpolation: a few hundred bytes, and the modules' edges stay hard at any
 * zoom and in print. (Drawn as vector rectangles, a run of modules each, the code was half of a
 * page's content stream and a quarter of the time of rendering it.) Answers the size in modules.
 */
export function drawQr(pen: EpdPen, bytes: Uint8Array, x: number, y: number, size: number): number {
  const segments = [{ data: bytes, mode: 'byte' as const }];
  const first = QRCode.create(segments, { errorCorrectionLevel: 'M', maskPattern: 0 });
  const {
    data: firstData,
    reservedBit,
    size: n,
  } = first.modules as typeof first.modules & {
    reservedBit: Uint8Array;
  };
  const { modules } = bestMask(firstData, reservedBit, n, 0);
  const stride = Math.ceil(n / 8);
  const bits = Buffer.alloc(stride * n);
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (modules[row * n + col]) bits[row * stride + (col >> 3)]! |= 0x80 >> (col & 7);
  pen.image(
    {
      Type: 'XObject',
      Subtype: 'Image',
      Width: n,
      Height: n,
      ImageMask: true,
      BitsPerComponent: 1,
      Decode: [1, 0], // 1 is a dark module: painted in the fill colour
      Interpolate: false,
    },
    bits,
    x,
    y,
    size,
    INK,
  );
  return n;
}
