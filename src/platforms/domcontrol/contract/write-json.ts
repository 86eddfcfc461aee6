import { JsonNumber } from './json-number.js';

/**
 * JSON text of a request body where a `JsonNumber` is written as its exact text. Everything else is
 * written as `JSON.stringify` would (strings escaped by it); undefined object fields are left out.
 */
export function writeJson(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : writeJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const parts: string[] = [];
    for (const [name, v] of Object.entries(value)) {
      if (v !== undefined) parts.push(`${JSON.stringify(name)}:${writeJson(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} has no JSON form`);
  return JSON.stringify(value) ?? 'null';
}
