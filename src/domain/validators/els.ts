/**
 * ЕЛС (ГИС ЖКХ единый лицевой счёт): 2 digits, 2 Cyrillic capitals, 6 digits, e.g. "70БВ000584".
 * ИЖКУ (идентификатор ЖКУ) is an ЕЛС plus "-NN", the service number.
 */

const ELS_PATTERN = /^\d{2}[А-ЯЁ]{2}\d{6}$/;
const IZHKU_PATTERN = /^(.{10})-(\d{2})$/;

// Latin letters that look exactly like Cyrillic ones are the usual reason a hand-typed ЕЛС fails.
const LATIN_LOOKALIKE = /[ABCEHKMOPTXY]/;

export function isValidEls(value: string): boolean {
  return explainEls(value) === null;
}

/** Null when the ЕЛС is valid, otherwise a short reason. */
export function explainEls(value: string): string | null {
  if (typeof value !== 'string') return 'ЕЛС must be a string';
  if (value.length !== 10) return `ЕЛС must have 10 characters, got ${value.length}`;
  if (ELS_PATTERN.test(value)) return null;
  if (LATIN_LOOKALIKE.test(value.slice(2, 4))) {
    return `ЕЛС "${value}" has Latin letters where Cyrillic capitals are required (characters 3–4)`;
  }
  return `ЕЛС "${value}" must be 2 digits, 2 Cyrillic capitals, then 6 digits`;
}

export function isValidIzhku(value: string): boolean {
  return explainIzhku(value) === null;
}

/** Null when the ИЖКУ (ЕЛС + "-NN") is valid, otherwise a short reason. */
export function explainIzhku(value: string): string | null {
  if (typeof value !== 'string') return 'ИЖКУ must be a string';
  if (value.length !== 13) return `ИЖКУ must have 13 characters, got ${value.length}`;
  const match = IZHKU_PATTERN.exec(value);
  if (match === null) return `ИЖКУ "${value}" must be an ЕЛС followed by "-" and 2 digits`;
  const elsReason = explainEls(match[1] ?? '');
  return elsReason === null ? null : `ИЖКУ "${value}": ${elsReason}`;
}
