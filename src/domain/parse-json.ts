/**
 * JSON.parse that keeps the text of numbers written with an exponent (`1E2`, `-5e-3`).
 *
 * After a plain JSON.parse, `1E2` and `100` are the same number, so a money field could not refuse
 * the exponent the way it refuses the string "1E2". Here such a number is kept as a raw JSON
 * value (`JSON.rawJSON`): money and decimal fields read its text and refuse it like the string
 * (`money_format`, `decimal_format`), while JSON.stringify writes it back exactly as it came, so
 * free-form JSON (`raw`) stores the number unchanged. Bodies without such a number (the usual
 * case) take the plain parse alone.
 */
export function parseJson(text: string): unknown {
  const plain = JSON.parse(text);
  return EXPONENT_NUMBER_HINT.test(text) ? parseKeepingExponents(text) : plain;
}

/** The text of a number kept by parseJson (`"1E2"`), or undefined for any other value. */
export function exponentNumberText(value: unknown): string | undefined {
  return NativeJson.isRawJSON(value) ? (value as { rawJSON: string }).rawJSON : undefined;
}

/**
 * A value position (after `:`, `,` or `[`) holding a number with an exponent. Only decides which
 * parse runs, so text inside strings that happens to match costs time, never correctness.
 */
const EXPONENT_NUMBER_HINT = /[:,[]\s*-?\d+(?:\.\d+)?[eE][+-]?\d/;
const NUMBER_CHAR = /[-+.0-9eE]/;
const EXPONENT_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * `text` is valid JSON (parseJson parsed it first). Each number with an exponent outside strings
 * is rewritten as a string carrying a marker the text does not contain, the result parsed, and
 * the marked strings turned into raw JSON numbers. No step recurses (a reviver would, and
 * overflow the stack on deeply nested input).
 */
function parseKeepingExponents(text: string): unknown {
  let marker = '\ufdd0e';
  while (text.includes(marker)) marker += '\ufdd0';
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && NUMBER_CHAR.test(text[end]!)) end++;
      const token = text.slice(i, end);
      if (EXPONENT_NUMBER.test(token)) {
        out += `${text.slice(last, i)}"${marker}${token}"`;
        last = end;
      }
      i = end - 1;
    }
  }
  const root = { value: JSON.parse(out + text.slice(last)) as unknown };
  const stack: object[] = [root];
  while (stack.length > 0) {
    const o = stack.pop() as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (typeof v === 'string' && v.startsWith(marker)) o[key] = NativeJson.rawJSON(v.slice(marker.length));
      else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return root.value;
}

/** The parts of JSON (ES2024+, Node ≥ 21) that the TypeScript library in use does not declare. */
const NativeJson = JSON as unknown as {
  rawJSON(text: string): object;
  isRawJSON(value: unknown): boolean;
};
