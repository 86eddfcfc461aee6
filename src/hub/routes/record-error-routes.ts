import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRecordErrors } from '../../store/record-error-store.js';
import { OrgParams } from '../api-schemas.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { resolveConnection } from './resolve-connection.js';

const RecordErrorView = z.object({
  id: z.number(),
  connectionId: z.string(),
  kind: z.string(),
  key: z.string().describe('the canonical key of the refused record'),
  runId: z.number().nullable(),
  code: z.string(),
  message: z.string(),
  excerpt: z
    .string()
    .optional()
    .describe('masked excerpt of what was sent (no personal data beyond the key)'),
  attempts: z.number(),
  state: z.enum(['open', 'resolved']),
  firstSeen: z.string(),
  lastSeen: z.string(),
  resolvedAt: z.string().nullable(),
});

export function registerRecordErrorRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/v1/orgs/:org/record-errors',
    {
      schema: {
        tags: ['sync'],
        summary: 'Records a platform refused, oldest first',
        description:
          'An error is `open` until the record lands (a later run, or POST …/connections/{id}/retry-failed after fixing it). Pass the last `id` as `after` for the next page.',
        params: OrgParams,
        querystring: z.object({
          connection: z.string().optional().describe('id or name'),
          kind: z.string().optional(),
          state: z.enum(['open', 'resolved']).optional(),
          after: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.object({ items: z.array(RecordErrorView), next: z.number().nullable() }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const q = req.query;
      const connectionId = q.connection ? (await resolveConnection(ctx, org.id, q.connection)).id : undefined;
      const items = await listRecordErrors(ctx.store.db, org.id, {
        connectionId,
        kind: q.kind,
        state: q.state,
        after: q.after,
        limit: q.limit,
      });
      return { items, next: items.length === q.limit ? items.at(-1)!.id : null };
    },
  );
}
