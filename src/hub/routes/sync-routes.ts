import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { normalizeKinds } from './normalize-kinds.js';
import { requireEngine } from './require-engine.js';
import { RunView, toRunView } from './run-view.js';

const SyncBody = z.strictObject({
  connection: z
    .string()
    .min(1)
    .optional()
    .describe('id or name of one connection; all enabled ones when absent'),
  platform: z.string().min(1).optional().describe('only connections to this platform'),
  kinds: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('canonical kinds (service or services) and inbound stream names; all when absent'),
  direction: z.enum(['outbound', 'inbound', 'both']).default('both'),
});

export function registerSyncRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/orgs/:org/sync',
    {
      schema: {
        tags: ['sync'],
        summary: 'Start a sync run on each matching enabled connection',
        description:
          'Answers at once with the queued runs; follow them with GET /v1/orgs/{org}/runs/{id}. Only records that changed since the platform last confirmed them are sent.',
        params: OrgParams,
        // A POST without a body arrives as null: sync everything.
        body: SyncBody.nullish(),
        response: { 202: z.object({ runs: z.array(RunView) }) },
      },
    },
    async (req, reply) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const engine = requireEngine(ctx);
      const body = req.body ?? { direction: 'both' as const };
      let kinds: string[] | undefined;
      if (body.kinds) {
        const n = normalizeKinds(ctx.connectors, body.kinds);
        if (!n.ok) {
          throw new HttpError(
            400,
            'unknown_kind',
            `no platform syncs ${n.unknown.join(', ')} (known: ${n.known.join(', ')})`,
          );
        }
        kinds = n.kinds;
      }
      const runs = await engine.trigger(org.id, {
        connectionId: body.connection,
        platform: body.platform,
        kinds,
        direction: body.direction,
        trigger: 'api',
      });
      if (runs.length === 0) {
        const asked = [
          body.connection && `connection "${body.connection}"`,
          body.platform && `platform "${body.platform}"`,
        ].filter(Boolean);
        throw new HttpError(
          404,
          'no_connection',
          `organization "${org.id}" has no enabled connection${asked.length ? ` matching ${asked.join(' and ')}` : ''}`,
        );
      }
      return reply.status(202).send({ runs: runs.map(toRunView) });
    },
  );
}
