import iconv from 'iconv-lite';
import { ValueError } from '../value-error.js';
import type { GostQrField } from './gost-qr.js';
import { GOST_QR_ENCODING, GOST_QR_FORMAT, type GostQrCharset } from './gost-qr-fields.js';

export interface ParsedGostQr {
  charset: GostQrCharset;
  separator: string;
  fields: GostQrField[];
}

/**
 * Reads a ГОСТ Р 56042-2014 payload as a bank app does: the header names the charset (the bytes are
 * decoded with it) and the separator; each pair splits at its first `=`, so a value may hold `=`.
 * A string is taken as already decoded text.
 */
export function parseGostQr(input: Uint8Array | string): ParsedGostQr {
  const head = typeof input === 'string' ? input.slice(0, 8) : String.fromCharCode(...input.subarray(0, 8));
  const digit = Number(head.charAt(6));
  if (!head.startsWith(GOST_QR_FORMAT) || !(digit === 1 || digit === 2 || digit === 3) || head.length < 8) {
    throw new ValueError(
      'qr_format',
      `a payment QR starts with ${GOST_QR_FORMAT}, a charset 1–3 and a separator`,
    );
  }
  const charset = digit as GostQrCharset;
  const text =
    typeof input === 'string' ? input : iconv.decode(Buffer.from(input), GOST_QR_ENCODING[charset]);
  const separator = text.charAt(7);
  const fields = text
    .slice(8)
    .split(separator)
    .filter((part) => part !== '')
    .map((part): GostQrField => {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new ValueError('qr_format', `"${part}" is not Key=Value`);
      return [part.slice(0, eq), part.slice(eq + 1)];
    });
  return { charset, separator, fields };
}
