/**
 * ГОСТ Р 56042-2014 payment QR: the header, the five mandatory requisites in their fixed order, and
 * the longest value the standard allows per field (domain.md «ГОСТ Р 56042-2014 payment QR»).
 * Fields the standard leaves unbounded are absent from the table.
 */
export const GOST_QR_FORMAT = 'ST0001';

/** Name, PersonalAcc, BankName, BIC, CorrespAcc — first, in this order. */
export const GOST_QR_MANDATORY = ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'] as const;

export const GOST_QR_MAX_LENGTH: Readonly<Record<string, number>> = {
  Name: 160,
  PersonalAcc: 20,
  BankName: 45,
  BIC: 9,
  CorrespAcc: 20,
  Sum: 18,
  Purpose: 210,
  PayeeINN: 12,
  KPP: 9,
};

/** charset digit: 1 = windows-1251, 2 = UTF-8, 3 = KOI8-R (read only: we write 1 or 2). */
export type GostQrCharset = 1 | 2 | 3;

export const GOST_QR_ENCODING: Readonly<Record<GostQrCharset, string>> = {
  1: 'win1251',
  2: 'utf8',
  3: 'koi8-r',
};

/**
 * Bytes one QR code holds in byte mode at error-correction level M (version 40). The payload must
 * fit one code: a bank app reads exactly one.
 */
export const QR_BYTES_LEVEL_M = 2331;

/** Separators tried in this order: the first that no value contains (the standard allows any). */
export const GOST_QR_SEPARATORS = ['|', '#', ';', '^', '~', '$', '@'] as const;
