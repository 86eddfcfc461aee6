/**
 * The mask pattern ISO/IEC 18004 §7.8.3 picks — the one with the lowest penalty (runs, 2×2 blocks,
 * finder-like patterns, dark/light balance) — computed on typed arrays. The `qrcode` package's own
 * evaluation took nine tenths of the time of making a receipt's code; this one is a few hundred
 * microseconds. The format bits are left out of the count (30 of several thousand modules).
 */
const MASKS: ReadonlyArray<(i: number, j: number) => boolean> = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

const patterns = new Map<number, Uint8Array[]>();

/** Each mask as a 0/1 array for a symbol of this size (cached: a receipt's codes share a few sizes). */
function maskPatterns(size: number): Uint8Array[] {
  let list = patterns.get(size);
  if (!list) {
    list = MASKS.map((mask) => {
      const a = new Uint8Array(size * size);
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) a[i * size + j] = mask(i, j) ? 1 : 0;
      return a;
    });
    patterns.set(size, list);
  }
  return list;
}

/**
 * `data` is a symbol made with mask `applied` at error correction M; `reserved` flags the function
 * patterns (not masked). Answers the mask with the lowest penalty and the symbol re-masked with it —
 * the data modules flipped by the two masks' difference and the format bits rewritten — which is the
 * symbol the encoder makes for that mask, without encoding the data a second time.
 */
export function bestMask(
  data: Uint8Array,
  reserved: Uint8Array,
  size: number,
  applied: number,
): { mask: number; modules: Uint8Array } {
  const masks = maskPatterns(size);
  const n = size * size;
  const free = new Uint8Array(n);
  const base = new Uint8Array(n);
  const first = masks[applied]!;
  for (let k = 0; k < n; k++) {
    free[k] = reserved[k] ? 0 : 1;
    base[k] = data[k]! ^ (first[k]! & free[k]!);
  }
  const m = new Uint8Array(n);
  let best = 0;
  let bestPenalty = Number.POSITIVE_INFINITY;
  masks.forEach((mask, p) => {
    for (let k = 0; k < n; k++) m[k] = base[k]! ^ (mask[k]! & free[k]!);
    const penalty = penaltyOf(m, size, bestPenalty);
    if (penalty < bestPenalty) {
      bestPenalty = penalty;
      best = p;
    }
  });
  const modules = new Uint8Array(n);
  const chosen = masks[best]!;
  for (let k = 0; k < n; k++) modules[k] = base[k]! ^ (chosen[k]! & free[k]!);
  setFormatBits(modules, size, best);
  return { mask: best, modules };
}

/** ISO/IEC 18004 §7.9: level M (00) and the mask, BCH(15,5) protected and XORed with 101010000010010. */
export function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask;
  let d = data << 10;
  const G15 = 0b10100110111;
  for (let bit = 14; bit >= 10; bit--) if (d & (1 << bit)) d ^= G15 << (bit - 10);
  return ((data << 10) | d) ^ 0b101010000010010;
}

/** The format bits' two copies, where the `qrcode` package puts them (row-major, `row * size + col`). */
function setFormatBits(m: Uint8Array, size: number, mask: number): void {
  const bits = formatBits(mask);
  const set = (row: number, col: number, v: number) => {
    m[row * size + col] = v;
  };
  for (let i = 0; i < 15; i++) {
    const v = (bits >> i) & 1;
    set(i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8, v);
    set(8, i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1, v);
  }
  set(size - 8, 8, 1); // the dark module
}

/** The penalty, or early (anything ≥ `stop`) once the rows so far already reach `stop`. */
function penaltyOf(m: Uint8Array, size: number, stop: number): number {
  let penalty = 0;
  let dark = 0;
  for (let i = 0; i < size; i++) {
    // Row i and column i at once: N1 (runs of five or more), N3 (1011101 with four light on a side).
    let runR = 0;
    let prevR = -1;
    let bitsR = 0;
    let runC = 0;
    let prevC = -1;
    let bitsC = 0;
    const row = i * size;
    for (let j = 0; j < size; j++) {
      const r = m[row + j]!;
      if (r === prevR) runR++;
      else {
        if (runR >= 5) penalty += runR - 2;
        runR = 1;
        prevR = r;
      }
      bitsR = ((bitsR << 1) | r) & 0x7ff;
      if (j >= 10 && (bitsR === 0x5d0 || bitsR === 0x05d)) penalty += 40;
      const c = m[j * size + i]!;
      if (c === prevC) runC++;
      else {
        if (runC >= 5) penalty += runC - 2;
        runC = 1;
        prevC = c;
      }
      bitsC = ((bitsC << 1) | c) & 0x7ff;
      if (j >= 10 && (bitsC === 0x5d0 || bitsC === 0x05d)) penalty += 40;
      dark += r;
      // N2: each 2×2 block of one colour.
      if (i < size - 1 && j < size - 1) {
        const s = r + m[row + j + 1]! + m[row + size + j]! + m[row + size + j + 1]!;
        if (s === 0 || s === 4) penalty += 3;
      }
    }
    if (runR >= 5) penalty += runR - 2;
    if (runC >= 5) penalty += runC - 2;
    // N4 only adds: a mask whose penalty already reaches the best one's cannot win.
    if (penalty >= stop) return penalty;
  }
  // N4: ten points per 5 % the dark share is away from half.
  return penalty + Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5) * 10;
}
