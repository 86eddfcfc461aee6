import type { DemoContext } from './demo-context.js';
import type { City } from './russian-addresses.js';

const ELS_LETTERS = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ';

/**
 * ЕЛС: region, two Cyrillic capitals, six digits — unique per account index. The six digits are a
 * bijective scramble of the index (7919 is coprime to 10⁶), the letters count the millions.
 */
export function elsFor(ctx: DemoContext, city: City, accountIndex: number): string {
  const n = ELS_LETTERS.length;
  const block = Math.floor(accountIndex / 1_000_000) + (ctx.seed % (n * n));
  const digits = ((accountIndex % 1_000_000) * 7919 + (ctx.seed % 1_000_000)) % 1_000_000;
  return `${city.region}${ELS_LETTERS[Math.floor(block / n) % n]}${ELS_LETTERS[block % n]}${String(digits).padStart(6, '0')}`;
}
