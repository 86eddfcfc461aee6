import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConnectionBusyError } from '../../engine/run/execute-run.js';
import { listIds } from '../../store/id-map-store.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { normalizeKinds } from './normalize-kinds.js';
import { requireEngine } from './require-engine.js';
import { resolveConnection } from './resolve-connection.js';
import { RunView, toRunView } from './run-view.js';

const IdParams = OrgParams.extend({ id: z.string().describe('connection id or name') });

const CheckView = z.object({
  ok: z.boolean(),
  platform: z.string(),
  detail: z.string().optional().describe('what the platform said about us (an account or organisation name)'),
  error: z.string().optional(),
  code: z.string().optional().describe('auth_rejected, network, invalid_connection, …'),
  operationId: z.number().describe('the check is recorded as an operation'),
});

const ResendBody = z.strictObject({ kind: z.string().min(1).optional().describe('only this kind') });
const ResendView = z.object({
  reset: z.number().describe('records whose confirmed or refused delivery state was forgotten'),
  requeued: z
    .record(z.string(), z.number())
    .describe(
      'records with an open error sent again, by error code (dead_letter, the platform’s refusal codes, …)',
    ),
  runs: z.array(RunView),
});

export function registerConnectionSyncRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['connections'];

  r.post(
    '/v1/orgs/:org/connections/:id/check',
    {
      schema: {
        tags,
        summary: 'Check settings, credentials and reachability of the platform',
        description: 'Answers 200 whether or not the check passed; see `ok`.',
        params: IdParams,
        response: { 200: CheckView },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const engine = requireEngine(ctx);
      const conn = await resolveConnection(ctx, org.id, req.params.id);
      const outcome = await engine.check(org.id, conn.id);
      if (!outcome)
        throw new HttpError(404, 'connection_not_found', `connection ${req.params.id} does not exist`);
      return outcome;
    },
  );

  for (const [verb, onlyFailed, summary] of [
    [
      'retry-failed',
      true,
      'Send every record with an open error again: refused or dead-lettered (after fixing them or the platform)',
    ],
    ['resend-all', false, 'Forget what the platform confirmed and send every record again'],
  ] as const) {
    r.post(
      `/v1/orgs/:org/connections/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          description: 'Starts an outbound run; follow it with GET /v1/orgs/{org}/runs/{id}.',
          params: IdParams,
          body: ResendBody.nullish(),
          response: { 200: ResendView },
        },
      },
      async (req) => {
        const org = await resolveOrg(ctx, req, req.params.org);
        const engine = requireEngine(ctx);
        const conn = await resolveConnection(ctx, org.id, req.params.id);
        let kind = req.body?.kind;
        if (kind !== undefined) {
          const n = normalizeKinds(ctx.connectors, [kind]);
          if (!n.ok)
            throw new HttpError(
              400,
              'unknown_kind',
              `no platform syncs ${kind} (known: ${n.known.join(', ')})`,
            );
          kind = n.kinds[0];
        }
        try {
          const { reset, requeued, runs } = await engine.resend(org.id, conn.id, { kind, onlyFailed });
          return { reset, requeued, runs: runs.map(toRunView) };
        } catch (err) {
          if (err instanceof ConnectionBusyError) throw new HttpError(409, 'connection_busy', err.message);
          throw err;
        }
      },
    );
  }

  r.get(
    '/v1/orgs/:org/connections/:id/ids',
    {
      schema: {
        tags,
        summary: 'The id map: our keys and the platform ids they correspond to',
        params: IdParams,
        querystring: z.object({
          entity: z.string().optional(),
          key: z.string().optional().describe('only this canonical key: the record ids on the platform'),
          limit: z.coerce.number().int().min(1).max(10_000).default(1000),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                entity: z.string(),
                key: z.string(),
                platformId: z.string(),
                temporary: z.boolean().optional(),
                firstSeen: z.string(),
                lastSeen: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const conn = await resolveConnection(ctx, org.id, req.params.id);
      return { items: await listIds(ctx.store.db, conn.id, req.query) };
    },
  );
}
