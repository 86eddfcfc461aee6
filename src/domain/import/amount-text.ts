export type DecimalSeparator = ',' | '.';

/**
 * An amount or a decimal with the mapping's decimal separator made plain for the domain parsers
 * (parseMoney, parseDecimal), which already take spaces, no-break spaces and either separator.
 * What the setting decides is the one ambiguous case: with `,` the dots of `1.234` or
 * `1.234.567,89` group thousands; with `.` the commas of `1,234` or `1,234,567.89` do. Grouping
 * marks are removed only where they group by threes; anything else is left for the parser.
 */
export function amountText(text: string, separator: DecimalSeparator | undefined): string {
  // 1С's "1 234,56": the spaces go here, so that the parsers' fast paths take the rest.
  if (text.includes(' ') && GROUPED_BY_SPACES.test(text)) text = text.replaceAll(' ', '');
  if (separator === undefined) return text;
  const group = separator === ',' ? '.' : ',';
  if (!text.includes(group)) return text;
  return (separator === ',' ? GROUPED_BY_DOTS : GROUPED_BY_COMMAS).test(text.trim())
    ? text.replaceAll(group, '')
    : text;
}

const GROUPED_BY_SPACES = /^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
const GROUPED_BY_DOTS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const GROUPED_BY_COMMAS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
