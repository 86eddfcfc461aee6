/**
 * КПП: 4 digits (tax office), 2 digits or Latin capitals (reason), 3 digits (serial). It has no check
 * digit, so only the shape can be validated.
 */

const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/;

export function isValidKpp(value: string): boolean {
  return explainKpp(value) === null;
}

/** Null when the КПП is valid, otherwise a short reason. */
export function explainKpp(value: string): string | null {
  if (typeof value !== 'string') return 'КПП must be a string';
  if (value.length !== 9) return `КПП must have 9 characters, got ${value.length}`;
  if (!KPP_PATTERN.test(value)) {
    return `КПП "${value}" must be 4 digits, 2 digits or Latin capitals, then 3 digits`;
  }
  return null;
}
