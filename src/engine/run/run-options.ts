import { z } from 'zod';

/** What a run covers; stored with the run so any worker can execute it. */
export const RunOptionsSchema = z.object({
  /** Canonical kinds (outbound) and stream names (inbound) to run; all when absent. */
  kinds: z.array(z.string()).min(1).optional(),
  direction: z.enum(['outbound', 'inbound', 'both']).default('both'),
});
export type RunOptions = z.output<typeof RunOptionsSchema>;
