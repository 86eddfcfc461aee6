import { z } from 'zod';

/**
 * The body our sandbox answers a refused import with. Seed 002 defines no error body ("400-500
 * Ошибка при импорте"), so the client reads it only to quote the reason, never to decide.
 */
export const ImportFailure = z.object({
  error: z.string(),
  message: z.string(),
  /** The refused item: its index in the array and its id (or the fields that identify it). */
  index: z.number().int().optional(),
  id: z.string().optional(),
  field: z.string().optional(),
});
export type ImportFailure = z.infer<typeof ImportFailure>;
