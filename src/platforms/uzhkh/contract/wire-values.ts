import { z } from 'zod';
import { isNoDate, Unreadable, WIRE_READERS, type WireValueKind } from './wire-readers.js';

/**
 * A field of one value kind, read leniently by the kind's reader (wire-readers.ts) and written in the
 * document's format. Missing, `null`, `""` and .NET's unset date are no value: fine for an optional
 * field, an issue for a required one. A value that cannot be read is an issue in a required field
 * (the whole snapshot is then refused, naming the field); in an optional one it is kept aside as an
 * `Unreadable`, which the client takes out and reports (typed as the value: it never reaches a mapping).
 */
function lenient<T>(kind: WireValueKind, required: true): z.ZodType<T, unknown>;
function lenient<T>(kind: WireValueKind, required: false): z.ZodType<T | null | undefined, unknown>;
function lenient<T>(kind: WireValueKind, required: boolean): z.ZodType<T | null | undefined, unknown> {
  const read = WIRE_READERS[kind];
  const schema = z.unknown().transform((value, ctx): T | null => {
    if (value === undefined || value === null || value === '' || isNoDate(value)) {
      if (!required) return null;
      ctx.addIssue({ code: 'custom', message: `is required, got ${JSON.stringify(value) ?? 'nothing'}` });
      return z.NEVER;
    }
    const r = read(value);
    if (r.ok) return r.value as T;
    if (required) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return new Unreadable(value, r.error) as T;
  });
  // An optional field may be missing altogether (zod asks a transform's key to be there otherwise).
  return required ? schema : schema.optional();
}

/**
 * The building blocks of the entity schemas (seed 001 §"Уточнение состава данных"): the document
 * types fields as C# types, so an optional field may arrive missing or `null`. Typed values are read
 * by the one table of wire-readers.ts; unknown extra fields are kept (`looseObject`).
 */
export const wire = {
  text: z.string(),
  optText: z.string().nullish(),
  bool: z.boolean(),
  optBool: z.boolean().nullish(),
  int: lenient<number>('int', true),
  optInt: lenient<number>('int', false),
  /** `decimal`/`double`: a JSON number or a numeric string; converted exactly by the client. */
  decimal: lenient<number | string>('decimal', true),
  optDecimal: lenient<number | string>('decimal', false),
  /** Money in rubles: at most two decimals. */
  money: lenient<number | string>('money', true),
  optMoney: lenient<number | string>('money', false),
  /** `DateTime`: `YYYY-MM-DDTHH:mm:ss`, often without a zone (the platform's local time). */
  dateTime: lenient<string>('dateTime', true),
  optDateTime: lenient<string>('dateTime', false),
  /** "MM.yyyy" */
  optMonthYear: lenient<string>('monthYear', false),
  /** "dd.MM.yyyy" */
  optDayMonthYear: lenient<string>('dayMonthYear', false),
  /** "HH:mm" */
  optHourMinute: lenient<string>('hourMinute', false),
  /** "декабрь 2022" */
  optMonthNameYear: lenient<string>('monthNameYear', false),
  /** An id: a string in the document, tolerated as a number. */
  id: z.union([z.string().min(1), z.number()]).transform(String),
};
