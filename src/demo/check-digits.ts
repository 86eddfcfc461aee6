/**
 * Check digits for the identifiers the demo organisation needs (algorithms from the shared domain.md).
 * They are computed here rather than borrowed from the validators so that the generator makes valid
 * values on its own; the tests run the results through the validators.
 */

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Appends the ИНН-10 check digit to 9 digits. */
export function withInn10Check(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError(`"${nineDigits}" is not 9 digits`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (INN10_WEIGHTS[i] ?? 0) * Number(nineDigits[i]);
  return nineDigits + String((sum % 11) % 10);
}

/** Appends the ОГРН check digit to 12 digits (12 digits fit a double exactly). */
export function withOgrnCheck(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new RangeError(`"${twelveDigits}" is not 12 digits`);
  return twelveDigits + String((Number(twelveDigits) % 11) % 10);
}

const ACCOUNT_WEIGHTS = [7, 1, 3];

/** The 3-digit prefix the ЦБ РФ key is computed with for a settlement account at this БИК. */
function settlementPrefix(bik: string): string {
  return bik.slice(6, 8) === '00' ? `0${bik.slice(4, 6)}` : bik.slice(6, 9);
}

/**
 * Sets digit 9 (the key) of a 20-digit account so that it passes the ЦБ РФ check (№ 515) for the БИК:
 * Σ((wᵢ·dᵢ) mod 10) over prefix + account ≡ 0 (mod 10), weights 7,1,3 repeated.
 */
export function withSettlementKey(account: string, bik: string): string {
  if (!/^\d{20}$/.test(account)) throw new RangeError(`"${account}" is not 20 digits`);
  if (!/^\d{9}$/.test(bik)) throw new RangeError(`БИК "${bik}" is not 9 digits`);
  const zeroed = `${account.slice(0, 8)}0${account.slice(9)}`;
  const digits = settlementPrefix(bik) + zeroed;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += ((ACCOUNT_WEIGHTS[i % 3] ?? 0) * Number(digits[i])) % 10;
  // The key sits at position 11 of the 23 digits (weight 3): 3·k ≡ −sum (mod 10), and 3⁻¹ ≡ 7 (mod 10).
  const key = (((10 - (sum % 10)) % 10) * 7) % 10;
  return `${zeroed.slice(0, 8)}${key}${zeroed.slice(9)}`;
}
