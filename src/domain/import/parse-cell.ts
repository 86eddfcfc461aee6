import { parseDecimal } from '../decimal.js';
import { formatMoney, parseMoney } from '../money.js';
import { ValueError } from '../value-error.js';
import { amountText, type DecimalSeparator } from './amount-text.js';
import { enumValue } from './enum-value.js';
import type { FieldType } from './field-type-at.js';
import { type DateFormat, parse1cDate } from './parse-1c-date.js';
import { parse1cInstant } from './parse-1c-instant.js';
import { parse1cPeriod } from './parse-1c-period.js';

/** How the export writes its values (from the mapping file, with defaults). */
export interface ValueSettings {
  dateFormat?: DateFormat | undefined;
  decimalSeparator?: DecimalSeparator | undefined;
  /** The zone of 1С's local date-times, e.g. "+05:00". */
  utcOffset: string;
}

const COMMA_DECIMAL = /^-?\d+,\d+$/;
const TRUE = new Set(['true', '1', 'да', 'yes', 'y', 'д', 'истина']);
const FALSE = new Set(['false', '0', 'нет', 'no', 'n', 'н', 'ложь']);

/**
 * One non-empty, trimmed cell as the canonical input value of a field of type `t`: dates, periods
 * and moments from 1С's forms; money as "1234.56" (negated when `negate`, for a debt written with
 * a minus); decimals exact; numbers, booleans (да/нет), enums by their Russian names, lists as
 * `a|b`, `a, b` or a JSON array. Returns undefined for "none" (1С's empty date); throws ValueError
 * naming the value when the cell cannot be what the field needs.
 */
export function parseCell(text: string, t: FieldType, s: ValueSettings, negate = false): unknown {
  switch (t.type) {
    case 'money': {
      const kopecks = parseMoney(amountText(text, s.decimalSeparator));
      return formatMoney(negate && kopecks !== 0 ? -kopecks : kopecks);
    }
    case 'decimal': {
      const plain = amountText(text, s.decimalSeparator);
      // "1,0450" as "1.0450", the form parseDecimal reads fastest; the same number either way.
      return parseDecimal(COMMA_DECIMAL.test(plain) ? plain.replace(',', '.') : plain, 8);
    }
    case 'date':
      return parse1cDate(text, s.dateFormat) ?? undefined;
    case 'period':
      return parse1cPeriod(text, s.dateFormat);
    case 'instant':
      return parse1cInstant(text, s.utcOffset, s.dateFormat) ?? undefined;
    case 'number': {
      if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) {
        throw new ValueError('number_format', `"${text}" is not a number`);
      }
      return Number(text.replace(',', '.'));
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      throw new ValueError('boolean_format', `"${text}" is neither да/нет nor true/false`);
    }
    case 'enum':
      return enumValue(t.values, text);
    case 'list':
      return text.startsWith('[')
        ? json(text)
        : text
            .split(/[|,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '')
            .map((item) => (t.of.type === 'text' ? item : parseCell(item, t.of, s)));
    case 'json':
      return text.startsWith('[') || text.startsWith('{') ? json(text) : text;
    default:
      return text;
  }
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValueError('json_format', `"${text.slice(0, 60)}" is not valid JSON`);
  }
}
