/**
 * Идентификатор платёжного документа (ГИС ЖКХ): 18 characters with no check digit, so only length and
 * alphabet are checked: digits, Cyrillic and Latin capitals, and the hyphen. The hyphen is allowed because
 * an identifier that embeds an ИЖКУ ("70БВ000584-01" + further characters) carries it; rejecting it would
 * turn away real identifiers.
 */

const PAYMENT_DOCUMENT_ID_PATTERN = /^[0-9A-ZА-ЯЁ-]{18}$/;

export function isValidPaymentDocumentId(value: string): boolean {
  return explainPaymentDocumentId(value) === null;
}

/** Null when the identifier is valid, otherwise a short reason. */
export function explainPaymentDocumentId(value: string): string | null {
  if (typeof value !== 'string') return 'payment document id must be a string';
  if (value.length !== 18) return `payment document id must have 18 characters, got ${value.length}`;
  if (!PAYMENT_DOCUMENT_ID_PATTERN.test(value)) {
    return `payment document id "${value}" may contain only digits, capital letters and "-"`;
  }
  return null;
}
