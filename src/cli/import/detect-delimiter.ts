export type CsvDelimiter = ';' | ',' | '\t';

/**
 * The delimiter a CSV header uses: whichever of ';' ',' and tab occurs most in it. Russian exports
 * mostly use ';' because ',' is the decimal separator ("167,10"); a header holds no amounts, so
 * counting there is not confused by them. A header with none (one column) is taken as ';'.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let best: CsvDelimiter = ';';
  let bestCount = 0;
  for (const d of [';', ',', '\t'] as const) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
