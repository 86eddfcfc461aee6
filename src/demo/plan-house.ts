import type { DemoContext } from './demo-context.js';
import { LAYOUT_WEIGHTS, LAYOUTS, type Layout } from './house-layouts.js';
import { RandomSource } from './random-source.js';
import { CITIES, type City, STREETS, type Street, streetLabel } from './russian-addresses.js';

/** What the flats of one house are generated from. */
export interface HouseState {
  index: number;
  id: string;
  /** The house's own random stream: every record of the house is drawn from it, in a fixed order. */
  rng: RandomSource;
  city: City;
  floors: number;
  perFloor: number;
  built: number;
  hasLift: boolean;
  heatMeters: boolean;
  /** Norms per m² of the flat's area (units noted on each). */
  heatNorm6: number; // 10⁻⁶ Гкал/м²
  hvsSoi6: number; // 10⁻⁶ м³/м²
  gvsSoi6: number; // 10⁻⁶ м³/м²
  elSoi3: number; // 10⁻³ кВт·ч/м²
  cadastralQuarter: string;
  accountPrefix: string;
  domofonShare: number;
  antennaShare: number;
  videoShare: number;
}

export interface HousePlan {
  house: HouseState;
  layout: Layout;
  entrances: number;
  street: Street;
  houseNumber: number;
  building: number | undefined;
  /** The house's own cadastral number within its quarter; its premises are numbered after it. */
  houseCadastral: number;
}

function nextHouseNumber(ctx: DemoContext, rng: RandomSource, city: City, street: Street): [number, number?] {
  const key = `${city.name}|${streetLabel(street)}`;
  const last = ctx.streetNumbers.get(key);
  if (last !== undefined && rng.chance(0.2)) {
    // Another корпус of the last number ("д. 12, корп. 2").
    return [last, rng.int(2, 4)];
  }
  const next = (last ?? 0) + rng.int(1, 4);
  ctx.streetNumbers.set(key, next);
  return [next];
}

/**
 * Draws house number `houseIndex`: where it stands, its series and age, and the per-house norms and
 * service shares its accounts are billed with. Each house has a random stream of its own, derived
 * from the seed and its index; only house numbers carry over from earlier houses on the same street.
 */
export function planHouse(ctx: DemoContext, houseIndex: number): HousePlan {
  const rng = RandomSource.derive(ctx.seed, `house:${houseIndex}`);
  const city = rng.chance(0.8) ? ctx.primaryCity : rng.pick(CITIES);
  const street = rng.pick(STREETS);
  const [houseNumber, building] = nextHouseNumber(ctx, rng, city, street);
  const layout = rng.weighted(LAYOUTS, LAYOUT_WEIGHTS);
  const entrances = rng.int(layout.entrances[0], layout.entrances[1]);
  const builtMax = Math.min(layout.built[1], ctx.year - 1);
  const built = rng.int(Math.min(layout.built[0], builtMax), builtMax);
  const id = `house-${String(houseIndex + 1).padStart(6, '0')}`;
  const house: HouseState = {
    index: houseIndex,
    id,
    rng,
    city,
    floors: layout.floors,
    perFloor: layout.perFloor,
    built,
    hasLift: layout.floors >= 9,
    heatMeters: built >= 2012 && rng.chance(0.85),
    heatNorm6: rng.int(15000, 22000),
    hvsSoi6: rng.int(2000, 4500),
    gvsSoi6: rng.int(1500, 3500),
    elSoi3: rng.int(300, 900),
    cadastralQuarter: `${rng.int(0, 9)}${rng.digits(6)}`,
    accountPrefix: String(100000 + houseIndex),
    domofonShare: rng.chance(0.9) ? 0.9 : 0.2,
    antennaShare: built < 2000 ? 0.5 : 0.15,
    videoShare: built >= 2005 ? 0.6 : 0.15,
  };
  const houseCadastral = rng.int(100, 4999);
  return { house, layout, entrances, street, houseNumber, building, houseCadastral };
}
