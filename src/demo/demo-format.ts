/**
 * Formatting of generated values. Everything is computed in scaled integers and formatted only at
 * the end, so that sums in the data add up exactly.
 */

/** Kopecks → "4225.57" / "-12.05". */
export function rub(kopecks: number): string {
  const abs = Math.abs(kopecks);
  const frac = abs % 100;
  return `${kopecks < 0 ? '-' : ''}${(abs - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

/** An integer scaled by 10^scale → exact decimal string: (12345, 3) → "12.345". */
export function dec(scaled: number, scale: number): string {
  if (scale === 0) return String(scaled);
  const abs = Math.abs(scaled);
  const div = 10 ** scale;
  const frac = abs % div;
  return `${scaled < 0 ? '-' : ''}${(abs - frac) / div}.${String(frac).padStart(scale, '0')}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function ymd(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}
