/**
 * ИНН: 10 digits for an organisation, 12 for a person or ИП. Check-digit weights are from the ФНС
 * algorithm (see domain.md in the shared reference).
 */

const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

export function isValidInn(value: string): boolean {
  return explainInn(value) === null;
}

/** Null when the ИНН is valid, otherwise a short reason. */
export function explainInn(value: string): string | null {
  if (typeof value !== 'string') return 'ИНН must be a string';
  if (!/^\d+$/.test(value)) return `ИНН "${value}" must contain digits only`;
  if (value.length === 10) {
    return checkDigit(value, WEIGHTS_10, 'check digit');
  }
  if (value.length === 12) {
    return (
      checkDigit(value, WEIGHTS_11, 'check digit 11 (first of two)') ??
      checkDigit(value, WEIGHTS_12, 'check digit 12 (second of two)')
    );
  }
  return `ИНН must have 10 or 12 digits, got ${value.length}`;
}

/** Checks the digit right after the weighted run: (Σ dᵢ·wᵢ) mod 11 mod 10. */
function checkDigit(value: string, weights: readonly number[], label: string): string | null {
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight * Number(value[index]);
  });
  const expected = (sum % 11) % 10;
  const actual = Number(value[weights.length]);
  return actual === expected ? null : `${label} ${actual} does not match expected ${expected}`;
}
