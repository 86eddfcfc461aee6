import type { EpdDocument } from './epd-document.js';

/**
 * The public variant (seed 000 §«Политика отображения персональных данных»): shown to any resident
 * of the flat, so it carries no ФИО — not in the text and not in the QR (built from this document,
 * it then has no LastName/FirstName/MiddleName). ФИО with an address or an account is what the seed
 * calls personal data; the address with the account is not, so both stay.
 */
export function publicEpd(doc: EpdDocument): EpdDocument {
  const { fullName: _dropped, ...payer } = doc.payer;
  return { ...doc, variant: 'public', payer };
}
