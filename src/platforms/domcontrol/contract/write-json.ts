import { JsonNumber } from './json-number.js';

/**
 * JSON text of a request body where a `JsonNumber` is written as its exact text. Everything else is
 * written as `JSON.stringify` would (strings escaped by it); undefined object fields are left out.
 * Plain loops and concatenation: this runs for every record sent.
 */
export function writeJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} has no JSON form`);
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : writeJson(value[i]);
    }
    return `${out}]`;
  }
  let out = '{';
  const record = value as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const v = record[name];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(name)}:${writeJson(v)}`;
  }
  return `${out}}`;
}
