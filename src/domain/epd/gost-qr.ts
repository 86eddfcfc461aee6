import iconv from 'iconv-lite';
import { ValueError } from '../value-error.js';
import {
  GOST_QR_ENCODING,
  GOST_QR_FORMAT,
  GOST_QR_MANDATORY,
  GOST_QR_MAX_LENGTH,
  GOST_QR_SEPARATORS,
  type GostQrCharset,
  QR_BYTES_LEVEL_M,
} from './gost-qr-fields.js';

/** One `Key=Value` pair of the payload, in payload order. */
export type GostQrField = readonly [key: string, value: string];

/** A payload ready for the QR code: its text, its bytes in its charset, and how it was written. */
export interface GostQr {
  text: string;
  bytes: Uint8Array;
  charset: GostQrCharset;
  separator: string;
}

/**
 * Writes a ГОСТ Р 56042-2014 payload: `ST0001`, the charset digit, a separator, then `Key=Value`
 * pairs joined by it. The mandatory five must come first in their order. The separator is `|`
 * unless a value holds one; then the first of GOST_QR_SEPARATORS no value holds (the standard names
 * the separator in the header, so a reader splits by what we chose). Charset 1 (windows-1251) is
 * the default; a payload with a character windows-1251 has no code for is written in UTF-8 (2)
 * instead, never with the character replaced.
 */
export function buildGostQr(fields: readonly GostQrField[], opts: { charset?: 1 | 2 } = {}): GostQr {
  checkOrder(fields);
  for (const [key, value] of fields) checkValue(key, value);
  const separator = GOST_QR_SEPARATORS.find((s) =>
    fields.every(([k, v]) => !k.includes(s) && !v.includes(s)),
  );
  if (separator === undefined) {
    throw new ValueError('qr_separator', `every separator the payload could use occurs in its values`);
  }
  const body = fields.map(([k, v]) => `${k}=${v}`).join(separator);
  let charset: 1 | 2 = opts.charset ?? 1;
  if (charset === 1 && !fitsWindows1251(body)) charset = 2;
  const text = `${GOST_QR_FORMAT}${charset}${separator}${body}`;
  const bytes = new Uint8Array(iconv.encode(text, GOST_QR_ENCODING[charset]));
  if (bytes.length > QR_BYTES_LEVEL_M) {
    throw new ValueError(
      'qr_too_long',
      `the payment QR payload is ${bytes.length} bytes; one QR code at level M holds ${QR_BYTES_LEVEL_M}`,
    );
  }
  return { text, bytes, charset, separator };
}

function checkOrder(fields: readonly GostQrField[]): void {
  GOST_QR_MANDATORY.forEach((name, i) => {
    if (fields[i]?.[0] !== name) {
      throw new ValueError('qr_field_order', `field ${i + 1} of a payment QR must be ${name}`);
    }
  });
}

function checkValue(key: string, value: string): void {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new ValueError('qr_field', `"${key}" is not a field name`);
  if (value === '') throw new ValueError('qr_field_empty', `${key} is empty`);
  if (/[\r\n]/.test(value)) throw new ValueError('qr_field', `${key} holds a line break`);
  const max = GOST_QR_MAX_LENGTH[key];
  if (max !== undefined && value.length > max) {
    throw new ValueError(
      'qr_field_length',
      `${key} is ${value.length} characters; ГОСТ Р 56042-2014 allows ${max}`,
    );
  }
}

function fitsWindows1251(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'win1251'), 'win1251') === text;
}
