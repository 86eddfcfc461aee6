import type { Reading } from '../../../domain/model/reading.js';
import { decimalNumber, type JsonNumber } from '../contract/json-number.js';
import { toOneCDate } from '../contract/one-c-date.js';

const ZERO = decimalNumber('0');

/**
 * seed 002 §4: a canonical reading as an item of `counters[]`. The document lists all three zones
 * as numbers; a zone the meter does not have is sent as 0. Values are written exactly as the
 * billing gave them (decimal text, never a float).
 */
export function mapReading(r: Reading): {
  date: string;
  counter: string;
  current_data1: JsonNumber;
  current_data2: JsonNumber;
  current_data3: JsonNumber;
} {
  const zone = (v: string | undefined) => (v === undefined ? ZERO : decimalNumber(v));
  return {
    date: toOneCDate(r.date),
    counter: r.meterId,
    current_data1: decimalNumber(r.value1),
    current_data2: zone(r.value2),
    current_data3: zone(r.value3),
  };
}
