/**
 * mulberry32: a tiny seeded generator, so a fault schedule is the same on every run with the same
 * seed (a flaky-by-design test must still fail the same way twice). Answers floats in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
