/**
 * Control key of Russian bank accounts (Bank of Russia rules of 08.09.1997 № 515; see domain.md in the
 * shared reference). A 3-digit prefix derived from the БИК is put in front of the 20-digit account, the 23
 * digits are multiplied by 7,1,3 repeating, and the sum of the last digits of the products must end in 0.
 * The key itself is account digit 9.
 *
 * Which prefix applies was checked against every vector in domain.md:
 *  - an account at a credit institution: the last 3 digits of the БИК;
 *  - a Bank of Russia unit (БИК digits 7–8 are "00", e.g. 044106001): "0" + БИК digits 5–6;
 *  - a treasury single account (account starts 40102, БИК 004525988): "0" + БИК digits 5–6;
 *  - a correspondent account (starts 301, held at the Bank of Russia): "0" + БИК digits 5–6.
 * Treasury accounts (starting 03) carry no key at all.
 */

const WEIGHTS = [7, 1, 3];

export function isValidSettlementAccount(account: string, bik: string): boolean {
  return explainSettlementAccount(account, bik) === null;
}

/** Null when the расчётный счёт is valid for this БИК, otherwise a short reason. */
export function explainSettlementAccount(account: string, bik: string): string | null {
  const shapeReason = explainShape(account, bik);
  if (shapeReason !== null) return shapeReason;
  if (account.startsWith('03')) {
    // Treasury (казначейский) accounts have no control key; 20 digits is all that can be checked.
    return null;
  }
  const bankOfRussiaUnit = bik.slice(6, 8) === '00';
  const treasurySingleAccount = account.startsWith('40102');
  const prefix = bankOfRussiaUnit || treasurySingleAccount ? bankOfRussiaPrefix(bik) : bik.slice(6, 9);
  return explainKey(account, prefix);
}

export function isValidCorrespondentAccount(account: string, bik: string): boolean {
  return explainCorrespondentAccount(account, bik) === null;
}

/** Null when the корреспондентский счёт is valid for this БИК, otherwise a short reason. */
export function explainCorrespondentAccount(account: string, bik: string): string | null {
  const shapeReason = explainShape(account, bik);
  if (shapeReason !== null) return shapeReason;
  if (!account.startsWith('301')) {
    return `correspondent account "${account}" must start with 301`;
  }
  if (account.slice(17) !== bik.slice(6)) {
    return `correspondent account ends ${account.slice(17)} but the БИК ends ${bik.slice(6)}`;
  }
  return explainKey(account, bankOfRussiaPrefix(bik));
}

function explainShape(account: string, bik: string): string | null {
  if (typeof account !== 'string' || !/^\d{20}$/.test(account)) {
    return `account "${String(account)}" must be exactly 20 digits`;
  }
  if (typeof bik !== 'string' || !/^\d{9}$/.test(bik)) {
    return `БИК "${String(bik)}" must be exactly 9 digits`;
  }
  return null;
}

/** "0" + БИК digits 5–6: the Bank of Russia settlement network code. */
function bankOfRussiaPrefix(bik: string): string {
  return `0${bik.slice(4, 6)}`;
}

function explainKey(account: string, prefix: string): string | null {
  const digits = prefix + account;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    sum += ((WEIGHTS[index % 3] ?? 0) * Number(digits[index])) % 10;
  }
  if (sum % 10 === 0) return null;
  // The key (account digit 9) has weight 3, so the digit that would balance the sum is found by removing
  // its contribution and solving 3·k ≡ −rest (mod 10); 3·7 ≡ 1, so k ≡ −7·rest ≡ 3·rest (mod 10).
  const actual = Number(account[8]);
  const rest = (sum - ((3 * actual) % 10)) % 10;
  const expected = (3 * rest) % 10;
  return `key digit ${actual} does not match expected ${expected} (prefix ${prefix})`;
}
