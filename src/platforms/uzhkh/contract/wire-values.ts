import { z } from 'zod';

/**
 * Lenient building blocks for what the platform sends (seed 001 §"Уточнение состава данных"): the
 * document types fields as C# types, so an optional field may arrive missing or `null`, and a
 * decimal may arrive as a JSON number or a string. Unknown extra fields are kept (`looseObject`).
 */
export const wire = {
  text: z.string(),
  optText: z.string().nullish(),
  bool: z.boolean(),
  optBool: z.boolean().nullish(),
  int: z.number().int(),
  optInt: z.number().int().nullish(),
  /** `decimal`/`double`: a number or a numeric string; converted exactly by the client. */
  decimal: z.union([z.number(), z.string().regex(/^-?\d+([.,]\d+)?$/)]),
  optDecimal: z.union([z.number(), z.string().regex(/^-?\d+([.,]\d+)?$/)]).nullish(),
  /** `DateTime`: the platform's own format (ISO-like, often without a zone); kept as a string. */
  dateTime: z.string().min(1),
  optDateTime: z.string().nullish(),
  /** An id: a string in the document, tolerated as a number. */
  id: z.union([z.string().min(1), z.number()]).transform(String),
};
