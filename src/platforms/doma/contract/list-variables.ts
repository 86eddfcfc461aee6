import { z } from 'zod';
import { domaLimits } from './doma-limits.js';

/** Paging of every list query: always pass `first` (≤ 1000) and a stable `sortBy` (NOTES.md). */
export function listVariables<W extends z.ZodType, S extends z.ZodType>(where: W, sortBy: S) {
  return z.object({
    where,
    first: z.number().int().min(1).max(domaLimits.listFirst),
    skip: z.number().int().min(0).optional(),
    sortBy: z.array(sortBy).min(1),
  });
}

/** `{id}` filter of a relation. */
export const IdFilter = z.object({ id: z.string().optional(), id_in: z.array(z.string()).optional() });
