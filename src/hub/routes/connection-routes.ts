import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Connector } from '../../engine/connector/connector.js';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  updateConnection,
} from '../../store/connection-store.js';
import { safeError } from '../../store/safe-error.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { checkConnectionInput } from './check-connection-input.js';

const ConnectionView = z.object({
  id: z.string(),
  orgId: z.string(),
  platform: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  credentialFields: z
    .array(z.string())
    .describe('names of the stored credential fields; values are never returned'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ConnectionBody = z.strictObject({
  platform: z
    .string()
    .min(1)
    .describe('a platform this hub knows, e.g. testbed; an unknown one is refused (400) with the list'),
  name: z.string().min(1).max(100),
  credentials: z.record(z.string(), z.unknown()).optional().describe('encrypted at rest; write-only'),
  settings: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("the platform's settings, plus `sync` for the engine ({schedule: cron, retry})"),
  enabled: z.boolean().optional(),
});

const IdParams = OrgParams.extend({ id: z.string() });

export function registerConnectionRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['connections'];
  const notFound = (id: string) =>
    new HttpError(404, 'connection_not_found', `connection ${id} does not exist`);

  const connectorOf = (platform: string): Connector => {
    const connector = ctx.connectors.get(platform);
    if (connector) return connector;
    const known = ctx.connectors.names();
    const message = `platform "${platform}" is not known to this hub (known: ${known.join(', ') || 'none'})`;
    throw new HttpError(400, 'unknown_platform', message, {
      issues: [{ path: 'body.platform', message, code: 'unknown_platform' }],
    });
  };

  /** Schedules follow the connections; a failure here must not undo a change already saved. */
  const refreshSchedules = async (log: { warn: (o: object, m: string) => void }) => {
    try {
      await ctx.engine?.refreshSchedules();
    } catch (err) {
      log.warn({ err: safeError(err) }, 'could not refresh sync schedules');
    }
  };

  r.post(
    '/v1/orgs/:org/connections',
    {
      schema: {
        tags,
        summary: 'Connect the organization to a platform',
        params: OrgParams,
        body: ConnectionBody,
        response: { 200: ConnectionView },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      checkConnectionInput(connectorOf(req.body.platform), req.body);
      try {
        const created = await createConnection(ctx.store.db, ctx.box, org.id, req.body);
        await refreshSchedules(req.log);
        return created;
      } catch (err) {
        if (
          String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) ===
          '23505'
        ) {
          throw new HttpError(
            409,
            'connection_exists',
            `organization "${org.id}" already has a connection named "${req.body.name}"`,
          );
        }
        throw err;
      }
    },
  );

  r.get(
    '/v1/orgs/:org/connections',
    {
      schema: {
        tags,
        summary: 'Connections of the organization',
        params: OrgParams,
        response: { 200: z.array(ConnectionView) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      return listConnections(ctx.store.db, ctx.box, org.id);
    },
  );

  r.get(
    '/v1/orgs/:org/connections/:id',
    { schema: { tags, summary: 'One connection', params: IdParams, response: { 200: ConnectionView } } },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const c = await getConnection(ctx.store.db, ctx.box, org.id, req.params.id);
      if (!c) throw notFound(req.params.id);
      return c;
    },
  );

  r.patch(
    '/v1/orgs/:org/connections/:id',
    {
      schema: {
        tags,
        summary: 'Change a connection (credentials are replaced whole when given)',
        params: IdParams,
        body: ConnectionBody.omit({ platform: true }).partial(),
        response: { 200: ConnectionView },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const before = await getConnection(ctx.store.db, ctx.box, org.id, req.params.id);
      if (!before) throw notFound(req.params.id);
      // A connection whose platform left this build can still be renamed, disabled or deleted.
      if (req.body.settings !== undefined || req.body.credentials !== undefined) {
        checkConnectionInput(connectorOf(before.platform), req.body);
      }
      const c = await updateConnection(ctx.store.db, ctx.box, org.id, req.params.id, req.body);
      if (!c) throw notFound(req.params.id);
      await refreshSchedules(req.log);
      return c;
    },
  );

  r.delete(
    '/v1/orgs/:org/connections/:id',
    {
      schema: {
        tags,
        summary: 'Remove a connection',
        params: IdParams,
        response: { 200: z.object({ deleted: z.boolean() }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      if (!(await deleteConnection(ctx.store.db, org.id, req.params.id))) throw notFound(req.params.id);
      await refreshSchedules(req.log);
      return { deleted: true };
    },
  );
}
