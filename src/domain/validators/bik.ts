/**
 * БИК: 9 digits starting with 0, 1 or 2 (treasury БИК issued since 2021 start with 00 or 01). There is no
 * check digit, so only the shape can be validated.
 */

export function isValidBik(value: string): boolean {
  return explainBik(value) === null;
}

/** Null when the БИК is valid, otherwise a short reason. */
export function explainBik(value: string): string | null {
  if (typeof value !== 'string') return 'БИК must be a string';
  if (!/^\d+$/.test(value)) return `БИК "${value}" must contain digits only`;
  if (value.length !== 9) return `БИК must have 9 digits, got ${value.length}`;
  if (!/^[012]/.test(value)) return `БИК must start with 0, 1 or 2, got ${value[0]}`;
  return null;
}
