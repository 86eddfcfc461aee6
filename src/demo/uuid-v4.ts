import type { RandomSource } from './random-source.js';

/** A version-4 UUID drawn from the seeded source (not crypto.randomUUID), so that it is reproducible. */
export function uuidV4(rng: RandomSource): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const a = hex(rng.uint32());
  const b = hex(rng.uint32());
  const c = hex(rng.uint32());
  const d = hex(rng.uint32());
  const variant = '89ab'[rng.uint32() % 4];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}
