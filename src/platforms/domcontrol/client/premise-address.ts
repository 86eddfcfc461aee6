import type { House } from '../../../domain/model/house.js';
import type { Premise, PremiseType } from '../../../domain/model/premise.js';

/** How an address names a unit of each type (seed 002 §2's example ends with "пом. 003"). */
const UNIT: Record<PremiseType, string> = {
  flat: 'кв.',
  apartment: 'апарт.',
  parking: 'м/м',
  storage: 'кладовая',
  commercial: 'пом.',
  other: 'пом.',
};

/** The address of a premise: the house's address and the unit ("…, д. 3, кв. 12"). */
export function premiseAddress(house: House, premise: Premise): string {
  return `${house.address}, ${UNIT[premise.type]} ${premise.number}`;
}
