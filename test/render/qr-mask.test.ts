import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { bestMask, formatBits } from '../../src/render/epd/qr-mask.js';

type Modules = { data: Uint8Array; size: number; reservedBit: Uint8Array };
const symbol = (bytes: Uint8Array, mask: number) =>
  QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: mask as 0 })
    .modules as unknown as Modules;

describe('QR mask choice (our penalty and re-masking beside the qrcode package)', () => {
  it('the format bits are the standard ones (level M, each mask)', () => {
    // ISO/IEC 18004 Table C.1: level M is 101010000010010 … 100000011001110 for masks 0…7.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(formatBits)).toEqual([
      0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0,
    ]);
  });

  it('the re-masked symbol is the one the package makes for that mask, and the mask is the package’s choice', () => {
    const payloads = [
      'ST00012|Name=ООО «УК»|PersonalAcc=40702810138250123017|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225',
      'x',
      'ST00011|Sum=67688|PaymPeriod=102026|'.repeat(8),
    ];
    for (const text of payloads) {
      const bytes = new TextEncoder().encode(text);
      const first = symbol(bytes, 0);
      const { mask, modules } = bestMask(first.data, first.reservedBit, first.size, 0);
      expect(Buffer.from(modules)).toEqual(Buffer.from(symbol(bytes, mask).data));
      // Without a mask given, the package evaluates all eight itself (its own, slower penalty).
      const own = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' });
      expect(mask).toBe(own.maskPattern);
    }
  });
});
