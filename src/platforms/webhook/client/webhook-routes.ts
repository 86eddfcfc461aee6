import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BillingRouteContext, BillingRoutes } from '../../../engine/connector/connector.js';
import { OrgParams } from '../../../hub/api-schemas.js';
import { HttpError } from '../../../hub/http-error.js';
import { checkConnectionName } from '../../../hub/routes/check-connection-name.js';
import { type ConnectionInfo, deleteConnection } from '../../../store/connection-store.js';
import { isUniqueViolation } from '../../../store/is-unique-violation.js';
import {
  createWebhook,
  editWebhook,
  listWebhooks,
  replayWebhook,
  viewOf,
  WebhookInput,
  WebhookPatch,
  WebhookView,
} from './webhook-endpoints.js';

const IdParams = OrgParams.extend({ id: z.string().describe('webhook id or name') });
const ReplayBody = z.strictObject({
  from: z.number().int().min(0).describe('the first event id to send again (inclusive)'),
});

/**
 * `/v1/orgs/{org}/webhooks`: the billing's endpoints for the organisation's events (README
 * "Webhooks"). Each is a connection of platform `webhook` (so it also shows among the connections,
 * its runs among the runs); these routes speak in endpoints: URL, events, batch size, secret.
 */
function register(app: FastifyInstance, ctx: BillingRouteContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  const base = '/v1/orgs/:org/webhooks';
  const endpoint = async (orgId: string, id: string): Promise<ConnectionInfo> => {
    const c = await ctx.resolveConnection(orgId, id).catch(() => undefined);
    if (c?.platform !== 'webhook')
      throw new HttpError(404, 'webhook_not_found', `webhook ${id} does not exist`);
    return c;
  };
  const needBox = () => {
    if (!ctx.box)
      throw new HttpError(503, 'secret_key', 'the hub has no secret key to seal webhook secrets with');
  };
  const nameTaken = (org: string, name: string) =>
    new HttpError(409, 'connection_exists', `organization "${org}" already has a connection named "${name}"`);

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a webhook endpoint; the answer holds its signing secret (shown once)',
        params: OrgParams,
        body: WebhookInput,
        response: { 200: WebhookView },
      },
    },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      needBox();
      if (req.body.name) checkConnectionName(req.body.name);
      try {
        return await createWebhook(ctx.db, ctx.box, orgId, req.body);
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(orgId, req.body.name ?? '');
        throw err;
      }
    },
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: "The organization's webhook endpoints, with their queues",
        params: OrgParams,
        response: { 200: z.array(WebhookView) },
      },
    },
    async (req) => listWebhooks(ctx.db, ctx.box, await ctx.resolveOrg(req, req.params.org)),
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'One webhook endpoint', params: IdParams, response: { 200: WebhookView } } },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      return viewOf(ctx.db, await endpoint(orgId, req.params.id));
    },
  );

  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Change a webhook endpoint (URL, events, batch size, enabled, retry) or rotate its secret',
        description:
          'Fields left out keep their value. Disabling stops queueing new events for the endpoint; what is queued stays queued. `rotateSecret: true` answers the new secret once.',
        params: IdParams,
        body: WebhookPatch,
        response: { 200: WebhookView },
      },
    },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      const c = await endpoint(orgId, req.params.id);
      if (req.body.rotateSecret) needBox();
      if (req.body.name) checkConnectionName(req.body.name);
      try {
        return (await editWebhook(ctx.db, ctx.box, orgId, c.id, req.body))!;
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(orgId, req.body.name ?? '');
        throw err;
      }
    },
  );

  r.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a webhook endpoint and its queue',
        params: IdParams,
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      const c = await endpoint(orgId, req.params.id);
      await deleteConnection(ctx.db, orgId, c.id);
      return { deleted: true as const };
    },
  );

  r.post(
    `${base}/:id/replay`,
    {
      schema: {
        tags,
        summary: 'Queue the events from a cursor (an event id) again for this endpoint',
        description:
          'Every event of the organization from `from` on whose type the endpoint subscribes to is queued again (in order, with its original id, so the billing can deduplicate); a delivery run starts.',
        params: IdParams,
        body: ReplayBody,
        response: { 200: z.object({ queued: z.number(), runs: z.array(z.object({ id: z.number() })) }) },
      },
    },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      const c = await endpoint(orgId, req.params.id);
      const queued = await replayWebhook(ctx.db, c, req.body.from);
      const runs =
        queued > 0 && c.enabled && ctx.trigger
          ? await ctx.trigger(orgId, { connectionId: c.id, direction: 'outbound', trigger: 'replay' })
          : [];
      return { queued, runs: runs.map((run) => ({ id: run.id })) };
    },
  );
}

export const webhookRoutes: BillingRoutes = { register };
