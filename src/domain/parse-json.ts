/**
 * JSON.parse that keeps the text of numbers written with an exponent (`1E2`, `-5e-3`).
 *
 * After a plain JSON.parse, `1E2` and `100` are the same number, so a money field could not refuse
 * the exponent the way it refuses the string "1E2". Here such a number is kept as a raw JSON
 * value (`JSON.rawJSON`): money and decimal fields read its text and refuse it like the string
 * (`money_format`, `decimal_format`), while JSON.stringify writes it back exactly as it came, so
 * free-form JSON (`raw`) stores the number unchanged. Bodies without such a number (the usual
 * case) take the plain, fast parse.
 */
export function parseJson(text: string): unknown {
  if (!EXPONENT_NUMBER_HINT.test(text)) return JSON.parse(text);
  return NativeJson.parse(text, (_key, value, context) =>
    typeof value === 'number' && context?.source !== undefined && /[eE]/.test(context.source)
      ? NativeJson.rawJSON(context.source)
      : value,
  );
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

/** The parts of JSON (ES2024+ / Node ≥ 21) that the TypeScript library in use does not declare. */
const NativeJson = JSON as unknown as {
  parse(
    text: string,
    reviver: (key: string, value: unknown, context?: { source?: string }) => unknown,
  ): unknown;
  rawJSON(text: string): object;
  isRawJSON(value: unknown): boolean;
};
