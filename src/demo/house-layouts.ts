import type { RandomSource } from './random-source.js';

/** A typical series of Russian apartment blocks: storeys, entrances, flats per floor, years built. */
export interface Layout {
  floors: number;
  entrances: [number, number];
  perFloor: number;
  built: [number, number];
  weight: number;
}

/** From хрущёвки to new towers, weighted roughly by how common they are in a city's housing stock. */
export const LAYOUTS: readonly Layout[] = [
  { floors: 5, entrances: [2, 6], perFloor: 4, built: [1958, 1975], weight: 30 },
  { floors: 9, entrances: [2, 5], perFloor: 4, built: [1970, 1995], weight: 25 },
  { floors: 10, entrances: [1, 4], perFloor: 4, built: [1975, 2000], weight: 15 },
  { floors: 12, entrances: [1, 3], perFloor: 4, built: [1980, 2005], weight: 8 },
  { floors: 16, entrances: [1, 3], perFloor: 4, built: [1988, 2022], weight: 10 },
  { floors: 17, entrances: [1, 2], perFloor: 5, built: [2005, 2023], weight: 7 },
  { floors: 25, entrances: [1, 1], perFloor: 8, built: [2010, 2024], weight: 5 },
];
export const LAYOUT_WEIGHTS = LAYOUTS.map((l) => l.weight);

/** A flat's area in tenths of m², by rooms: flats of the same rooms grew bigger with the decades. */
export function roomsArea(rng: RandomSource, built: number, rooms: number): number {
  if (built < 1976)
    return [0, rng.int(300, 335), rng.int(415, 465), rng.int(555, 610), rng.int(620, 680)][rooms] ?? 450;
  if (built < 2000)
    return [0, rng.int(330, 390), rng.int(480, 560), rng.int(620, 720), rng.int(760, 880)][rooms] ?? 520;
  return [0, rng.int(340, 450), rng.int(520, 680), rng.int(720, 920), rng.int(950, 1250)][rooms] ?? 600;
}
