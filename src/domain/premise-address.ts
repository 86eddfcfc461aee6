import type { PremiseType } from './model/premise.js';

/**
 * How a unit is written after its house in an address line (seed 000: "…, дом № 14, М/м 706"; seed
 * 002 §2's example ends with "пом. 003") — the one table every platform's address and the ЕПД use.
 */
const UNIT_PREFIX: Readonly<Record<PremiseType, string>> = {
  flat: 'кв.',
  apartment: 'апарт.',
  parking: 'м/м',
  storage: 'кладовая',
  commercial: 'пом.',
  other: 'пом.',
};

/** The address of a unit: the house's address, then the unit ("…, д 14, кв. 706"). */
export function premiseAddress(
  house: { address: string },
  premise: { type: PremiseType; number: string },
): string {
  return `${house.address}, ${UNIT_PREFIX[premise.type]} ${premise.number}`;
}
