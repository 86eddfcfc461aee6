import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_RETENTION, parseRetention } from '../../engine/retention/retention-period.js';
import { pruneHistory } from '../../store/prune-store.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { requireAdmin } from '../principal.js';

export const PruneView = z.object({
  before: z.string().describe('history finished before this moment was (or would be) removed'),
  dryRun: z.boolean(),
  runs: z.number().describe('finished sync runs'),
  operations: z.number().describe('their batches and pages, and checks and callbacks on their own'),
  inbox: z.number().describe('inbox items at or below the organization’s acknowledged cursor'),
  recordErrors: z.number().describe('resolved record errors'),
});

/** `POST /v1/prune` (admin): what `zhkh-bridge prune` does, for a hub that holds its store. */
export function registerPruneRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/prune',
    {
      schema: {
        tags: ['operations'],
        summary: 'Remove old history: finished runs, operations, acknowledged inbox items (admin token)',
        description:
          'The hub does this every night with ZHKH_RETENTION (default 90d). Records, delivery state, the id map, checkpoints, open errors and unacknowledged inbox items are never touched.',
        body: z
          .strictObject({
            olderThan: z.string().default(DEFAULT_RETENTION).describe('90d, 12w, 36h, 30m'),
            dryRun: z.boolean().default(false).describe('count only'),
          })
          .default({ olderThan: DEFAULT_RETENTION, dryRun: false }),
        response: { 200: PruneView },
      },
    },
    async (req) => {
      requireAdmin(req);
      let ms: number | undefined;
      try {
        ms = parseRetention(req.body.olderThan, 'olderThan');
      } catch (err) {
        throw new HttpError(400, 'invalid_request', (err as Error).message);
      }
      if (ms === undefined) throw new HttpError(400, 'invalid_request', 'olderThan: give a period, e.g. 90d');
      const before = new Date(Date.now() - ms);
      const counts = await pruneHistory(ctx.store.db, before, { dryRun: req.body.dryRun });
      return { before: before.toISOString(), dryRun: req.body.dryRun, ...counts };
    },
  );
}
