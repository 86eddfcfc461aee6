import { z } from 'zod';
import { ONE_C_EMPTY_DATE, OneCDate } from './one-c-date.js';

/** An identifier from 1С: a non-empty string (the examples use GUIDs; any text is accepted). */
export const wireId = z.string().min(1, 'must not be empty');

/** A name the document asks for: a non-empty string. */
export const wireText = z.string().min(1, 'must not be empty');

/** A 1С date that must be a real date, not the empty one. */
export const wireDate = OneCDate.refine((d) => d !== ONE_C_EMPTY_DATE, 'must not be the empty date');

/** Money: a JSON number of rubles with at most two decimals (seed 002 §5 `-20394.86`). */
export const wireMoney = z
  .number()
  .refine((n) => /^-?\d+(\.\d{1,2})?$/.test(String(n)), 'must be rubles with at most two decimals');

/** A reading: a finite JSON number (seed 002 §4 `33`). */
export const wireReading = z.number();
