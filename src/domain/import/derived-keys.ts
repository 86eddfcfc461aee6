import { createHash } from 'node:crypto';

/**
 * Keys for records a flat export does not give a key for, derived from what it does give — the same
 * input gives the same key on every import, so re-importing updates instead of duplicating:
 * - house: `h-` + the first 16 hex digits of SHA-256 of the address written plainly (lower case,
 *   «ё» as «е», no space next to punctuation, single spaces) — «г. Челябинск, ул. Ленина, д. 5» and
 *   «г.Челябинск,  ул.Ленина, д.5» are one house;
 * - premise: `<house key>/<flat number in lower case>` — «h-…/12а»;
 * - meter: `<account number>/<meter number>`;
 * - service (and tariff) by name: the name in lower case with single spaces — «отопление».
 */
export function houseKey(address: string): string {
  // An accounts export lists a house's flats one after another: the same address row after row.
  if (address !== lastAddress) {
    lastHouseKey = `h-${createHash('sha256').update(plainAddress(address)).digest('hex').slice(0, 16)}`;
    lastAddress = address;
  }
  return lastHouseKey;
}

let lastAddress: string | undefined;
let lastHouseKey = '';

export function premiseKey(houseId: string, number: string): string {
  return `${houseId}/${plainText(number)}`;
}

export function meterKey(accountNumber: string, meterNumber: string): string {
  return `${accountNumber.trim()}/${meterNumber.trim()}`;
}

/** Names longer than a key may be (200) are hashed like addresses. */
export function nameKey(name: string): string {
  const plain = plainText(name);
  return plain.length <= 200 ? plain : `n-${createHash('sha256').update(plain).digest('hex').slice(0, 16)}`;
}

function plainText(s: string): string {
  return s.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

function plainAddress(address: string): string {
  return plainText(address.replace(/[\u00a0\u2009\u202f]/g, ' ')).replace(/\s*([,.;/])\s*/g, '$1');
}
