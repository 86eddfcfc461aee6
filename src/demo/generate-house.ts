import { addAuxiliaryPremises } from './auxiliary-premises.js';
import type { DemoContext } from './demo-context.js';
import { dec } from './demo-format.js';
import type { DemoRecord } from './demo-record.js';
import { addFlatAccount } from './flat-account.js';
import { emptyHouseBatch, houseBatchRecords } from './house-batch.js';
import { roomsArea } from './house-layouts.js';
import { planHouse } from './plan-house.js';
import { buildingLabel, houseAddress, streetLabel } from './russian-addresses.js';
import { uuidV4 } from './uuid-v4.js';

/**
 * Streams house number `houseIndex` with its premises and up to `maxAccounts` flat accounts, whose
 * indexes over the whole run start at `firstAccount`. Returns how many accounts it made.
 */
export function* generateHouse(
  ctx: DemoContext,
  houseIndex: number,
  maxAccounts: number,
  firstAccount: number,
): Generator<DemoRecord, number, undefined> {
  const { house, layout, entrances, street, houseNumber, building, houseCadastral } = planHouse(
    ctx,
    houseIndex,
  );
  const { rng, city, id, built } = house;
  const cadastralPrefix = `${city.region}:${city.cadastralDistrict}:${house.cadastralQuarter}`;
  yield {
    kind: 'house',
    record: {
      id,
      address: houseAddress(city, street, houseNumber, building),
      fiasGuid: uuidV4(rng),
      region: city.region,
      city: city.name,
      street: streetLabel(street),
      buildingNumber: buildingLabel(houseNumber, building),
      cadastral: `${cadastralPrefix}:${houseCadastral}`,
    },
  } satisfies DemoRecord;

  const flatsFull = layout.floors * entrances * layout.perFloor;
  const flats = Math.min(flatsFull, maxAccounts);
  const out = emptyHouseBatch();
  const perEntrance = layout.floors * layout.perFloor;
  let cadastralSeq = houseCadastral + 1;
  // The same riser repeats up the entrance: the number of rooms depends on the position on the floor.
  const roomWeights = built < 1976 ? [30, 45, 25, 0] : [30, 38, 25, 7];
  const flatRooms: number[] = [];
  for (let pos = 0; pos < layout.perFloor; pos++) flatRooms.push(rng.weighted([1, 2, 3, 4], roomWeights));
  for (let n = 1; n <= flats; n++) {
    const rooms = flatRooms[(n - 1) % layout.perFloor] ?? 2;
    const area10 = roomsArea(rng, built, rooms);
    const floor = Math.floor(((n - 1) % perEntrance) / layout.perFloor) + 1;
    const premiseId = `${id}-kv${n}`;
    out.premises.push({
      kind: 'premise',
      record: {
        id: premiseId,
        houseId: id,
        type: 'flat',
        number: String(n),
        area: dec(area10, 1),
        cadastral: `${cadastralPrefix}:${cadastralSeq++}`,
        floor,
      },
    });
    addFlatAccount(ctx, house, n, premiseId, area10, firstAccount + n - 1, out);
  }
  addAuxiliaryPremises(house, cadastralPrefix, cadastralSeq, out);
  yield* houseBatchRecords(out);
  return flats;
}
