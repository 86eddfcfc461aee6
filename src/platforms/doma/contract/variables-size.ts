/**
 * The platform's measure of request variables (condo computes it with `object-sizeof`'s lazy v1
 * calculator, NOTES.md), checked against {@link domaLimits.variablesBytes}:
 * - a string counts 2 bytes per UTF-16 code unit (`length * 2`), whatever its characters;
 * - a number 8, a boolean 4; `null` and `undefined` 0;
 * - an array the sum of its elements (indices are not counted);
 * - an object the sum, over its own keys, of the key as a string (2 bytes a character) plus its value.
 * The platform measures the JSON it parsed, so keys whose value is `undefined` (JSON drops them) are not
 * counted here, and a non-finite number (JSON `null`) counts 0. Shared references are counted every time
 * they occur, as they are after JSON parsing. Files of a multipart upload are not counted.
 */
export function variablesSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length * 2;
    case 'number':
      return Number.isFinite(value) ? 8 : 0;
    case 'boolean':
      return 4;
    case 'object': {
      if (value === null) return 0;
      let bytes = 0;
      if (Array.isArray(value)) {
        for (const item of value) bytes += variablesSize(item);
        return bytes;
      }
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        bytes += key.length * 2 + variablesSize(item);
      }
      return bytes;
    }
    default:
      return 0;
  }
}
