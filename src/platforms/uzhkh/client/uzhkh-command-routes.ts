import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BillingRouteContext, BillingRoutes } from '../../../engine/connector/connector.js';
import { OrgParams } from '../../../hub/api-schemas.js';
import { HttpError } from '../../../hub/http-error.js';
import { upsertIds } from '../../../store/id-map-store.js';
import { upsertRecords } from '../../../store/record-store.js';
import { isTemporaryId } from '../contract/uzhkh-paths.js';
import { uzhkhCommandStatus } from './uzhkh-command-status.js';
import {
  DECISION_KIND,
  Decision,
  decisionKey,
  ID_ASSIGNMENT_KIND,
  IdAssignment,
  idAssignmentKey,
} from './uzhkh-commands.js';

const Params = OrgParams.extend({ id: z.string().min(1).describe('connection id or name') });
const Query = z.object({
  sync: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('start an outbound run of the connection at once (default true)'),
});
const Stored = z.object({ stored: z.number(), changed: z.number(), runs: z.array(z.number()) });

/**
 * The billing's side of «Умное ЖКХ»'s two-way parts: decisions on registration requests (the hub
 * calls HandleRequestToRegister / HandleRequestToObjectAdding) and ids for objects the platform
 * created (`SetId`), both delivered by the connection's outbound streams with the engine's retries,
 * and their outcomes.
 */
function register(app: FastifyInstance, ctx: BillingRouteContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['uzhkh'];
  const base = '/v1/orgs/:org/connections/:id/uzhkh';

  const connectionOf = async (req: FastifyRequest, orgParam: string, id: string) => {
    const orgId = await ctx.resolveOrg(req, orgParam);
    const conn = await ctx.resolveConnection(orgId, id);
    if (conn.platform !== 'uzhkh') {
      throw new HttpError(
        400,
        'wrong_platform',
        `connection ${id} is a ${conn.platform} connection, not uzhkh`,
      );
    }
    return { orgId: orgId, connectionId: conn.id };
  };

  const store = async (
    where: { orgId: string; connectionId: string },
    kind: string,
    commands: Array<{ key: string; data: Record<string, unknown> }>,
    sync: boolean,
  ) => {
    const rows = commands.map(({ key, data }) => {
      const json = JSON.stringify({ ...data, connectionId: where.connectionId });
      return { key, json, hash: createHash('sha256').update(json).digest('hex') };
    });
    const unique = [...new Map(rows.map((row) => [row.key, row])).values()];
    const outcome = await upsertRecords(ctx.db, where.orgId, kind, unique);
    const changed = [...outcome.values()].filter((o) => o !== 'unchanged').length;
    const runs =
      sync && ctx.trigger
        ? await ctx.trigger(where.orgId, {
            connectionId: where.connectionId,
            kinds: [kind],
            direction: 'outbound',
            trigger: 'api',
          })
        : [];
    return { stored: unique.length, changed, runs: runs.map((run) => run.id) };
  };

  r.post(
    `${base}/decisions`,
    {
      schema: {
        tags,
        summary:
          'Approve or reject registration requests (HandleRequestToRegister / HandleRequestToObjectAdding)',
        params: Params,
        querystring: Query,
        body: z.array(Decision).min(1).max(1000),
        response: { 200: Stored },
      },
    },
    async (req) => {
      const where = await connectionOf(req, req.params.org, req.params.id);
      const commands = req.body.map((d) => ({ key: decisionKey(where.connectionId, d), data: d }));
      return store(where, DECISION_KIND, commands, req.query.sync);
    },
  );

  r.post(
    `${base}/ids`,
    {
      schema: {
        tags,
        summary: "Give objects the platform created (`--` ids) the billing's ids (SetId)",
        params: Params,
        querystring: Query,
        body: z.array(IdAssignment).min(1).max(1000),
        response: { 200: Stored },
      },
    },
    async (req) => {
      const where = await connectionOf(req, req.params.org, req.params.id);
      const commands = req.body.map((a) => ({ key: idAssignmentKey(where.connectionId, a), data: a }));
      // From now on the billing's id is the one: a record of the object, or one pointing at it, that
      // still carries the `--` id reads as the billing's id (IdResolver), before SetId lands too.
      const temporary = req.body.filter((a) => isTemporaryId(a.uzhkhId));
      await upsertIds(
        ctx.db,
        where.connectionId,
        temporary.map((a) => ({ entity: a.type, key: a.externalId, platformId: a.uzhkhId, temporary: true })),
      );
      return store(where, ID_ASSIGNMENT_KIND, commands, req.query.sync);
    },
  );

  r.get(
    `${base}/commands`,
    { schema: { tags, summary: 'Decisions and id assignments with their outcome', params: Params } },
    async (req) => {
      const where = await connectionOf(req, req.params.org, req.params.id);
      return uzhkhCommandStatus(ctx.db, where.orgId, where.connectionId, [DECISION_KIND, ID_ASSIGNMENT_KIND]);
    },
  );
}

export const uzhkhCommandRoutes: BillingRoutes = { register };
