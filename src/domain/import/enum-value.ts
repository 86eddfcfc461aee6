import { ValueError } from '../value-error.js';
import { ENUM_VALUE_NAMES } from './enum-value-names.js';
import { normalizeName } from './normalize-name.js';

/** Per enum (its canonical values, sorted and joined): normalised name → canonical value. */
const lookups = new Map<string, Map<string, string>>();

/** The canonical value `text` names — the value itself or one of its names in ENUM_VALUE_NAMES. */
export function enumValue(values: readonly string[], text: string): string {
  const lookup = lookupFor(values);
  const value = lookup.get(normalizeName(text));
  if (value !== undefined) return value;
  const table = tableFor(values);
  const choices = values.map((v) => (table?.[v]?.[0] ? `${v} («${table[v][0]}»)` : v)).join(', ');
  throw new ValueError('enum_value', `"${text}" is not one of: ${choices}`);
}

function lookupFor(values: readonly string[]): Map<string, string> {
  const id = [...values].sort().join('|');
  let lookup = lookups.get(id);
  if (lookup === undefined) {
    lookup = new Map(values.map((v) => [normalizeName(v), v]));
    for (const [value, names] of Object.entries(tableFor(values) ?? {})) {
      for (const name of names) lookup.set(normalizeName(name), value);
    }
    lookups.set(id, lookup);
  }
  return lookup;
}

function tableFor(values: readonly string[]): Readonly<Record<string, readonly string[]>> | undefined {
  const id = [...values].sort().join('|');
  return Object.values(ENUM_VALUE_NAMES).find((t) => Object.keys(t).sort().join('|') === id);
}
