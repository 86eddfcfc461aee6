import { dec } from './demo-format.js';
import type { HouseBatch } from './house-batch.js';
import type { HouseState } from './plan-house.js';

/**
 * Parking spaces (mostly in newer houses) and storage rooms: premises without лицевых счетов, so that
 * the data has more than flats. Parking spaces are numbered on from `nextCadastral`; storage rooms
 * have no cadastral numbers.
 */
export function addAuxiliaryPremises(
  house: HouseState,
  cadastralPrefix: string,
  nextCadastral: number,
  out: HouseBatch,
): void {
  const { rng, id, built } = house;
  let cadastralSeq = nextCadastral;
  if (built >= 2005 && rng.chance(0.5)) {
    const spaces = rng.int(20, 80);
    for (let n = 1; n <= spaces; n++) {
      out.premises.push({
        kind: 'premise',
        record: {
          id: `${id}-mm${n}`,
          houseId: id,
          type: 'parking',
          number: `м/м ${n}`,
          area: dec(rng.int(133, 180), 1),
          cadastral: `${cadastralPrefix}:${cadastralSeq++}`,
          floor: -1,
        },
      });
    }
  }
  if (rng.chance(built >= 2005 ? 0.3 : 0.08)) {
    const rooms = rng.int(10, 40);
    for (let n = 1; n <= rooms; n++) {
      out.premises.push({
        kind: 'premise',
        record: {
          id: `${id}-kl${n}`,
          houseId: id,
          type: 'storage',
          number: `кл. ${n}`,
          area: dec(rng.int(30, 80), 1),
          floor: -1,
        },
      });
    }
  }
}
