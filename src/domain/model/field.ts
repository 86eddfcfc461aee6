import { z } from 'zod';
import { parseAccountNumber } from '../account-number.js';
import { parseDate } from '../calendar-date.js';
import { parseDecimal } from '../decimal.js';
import { checkFreeForm } from '../free-form-json.js';
import { formatMoney, parseMoney } from '../money.js';
import { exponentNumberText } from '../parse-json.js';
import { parsePeriod } from '../period.js';
import { ValueError } from '../value-error.js';

/**
 * Runs a domain parser inside zod so that its ValueError becomes a zod issue carrying the stable
 * code (`params.code`) and the field path — the API reports both per record.
 */
function viaParser<T>(parse: (v: never) => T) {
  return (value: unknown, ctx: z.core.ParsePayload<unknown>): T => {
    try {
      return parse(value as never);
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      ctx.issues.push({ code: 'custom', message: err.message, input: value, params: { code: err.code } });
      return z.NEVER;
    }
  };
}

/**
 * A JSON number written with an exponent, as parseJson keeps it: accepted here only so that the
 * parsers below can refuse it by its text, like the same text in a string.
 */
const exponentNumber = z.custom<object>((v) => exponentNumberText(v) !== undefined);
const moneyInput = z.union([z.string(), z.number(), exponentNumber]);
const numberText = (v: string | number | object) => exponentNumberText(v) ?? (v as string | number);

/** Money: rubles as a decimal string on our API ("4225.57", "167,10"), integer kopecks inside. */
const money = z.codec(moneyInput, z.int(), {
  decode: viaParser((v: string | number | object) => parseMoney(numberText(v))),
  encode: (kopecks) => formatMoney(kopecks),
});

/** Volumes, tariffs, areas: exact decimal strings, up to 8 decimals, never floats. */
const decimal = z.codec(moneyInput, z.string(), {
  decode: viaParser((v: string | number | object) => parseDecimal(numberText(v), 8)),
  encode: (s) => s,
});

/** A billing-side identifier: stable, printable, at most 200 characters. */
const key = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A лицевой счёт number wherever it is written or referred to: cleaned of «л/с», «лс», «№» as the
 * platforms keep it (account-number.ts), then a key of at most 30 characters.
 */
const accountNumber = z.codec(z.string(), key.max(30), {
  decode: viaParser(parseAccountNumber),
  encode: (s) => s,
});

/** A string normalised by a domain parser; encoding gives the normalised form back unchanged. */
const normalized = (parse: (v: string) => string) =>
  z.codec(z.string(), z.string(), { decode: viaParser(parse), encode: (s) => s });

export const field = {
  key,
  text,
  accountNumber,
  money,
  decimal,
  period: normalized(parsePeriod),
  date: normalized(parseDate),
  /** An instant with a time zone, as ISO 8601 ("2024-01-05T10:00:00+05:00"). */
  instant: z.iso.datetime({ offset: true }),
  fiasGuid: normalized((s) => {
    const lower = s.trim().toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(lower)) {
      throw new ValueError('fias_guid_format', `"${s}" is not a ФИАС/ГАР GUID (8-4-4-4-12 hex)`);
    }
    return lower;
  }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,20}$/, 'must be a phone number'),
  email: z.email(),
  /** Free JSON the billing or a platform attaches; kept as is, within a depth and a size. */
  raw: z.record(z.string(), z.unknown()).superRefine(checkFreeForm),
};
