import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  updateConnection,
} from '../../store/connection-store.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';

export const PLATFORMS = ['doma', 'uzhkh', 'domcontrol', 'is74'] as const;

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
  platform: z.enum(PLATFORMS),
  name: z.string().min(1).max(100),
  credentials: z.record(z.string(), z.unknown()).optional().describe('encrypted at rest; write-only'),
  settings: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});

const IdParams = OrgParams.extend({ id: z.string() });

export function registerConnectionRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['connections'];
  const notFound = (id: string) =>
    new HttpError(404, 'connection_not_found', `connection ${id} does not exist`);

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
      try {
        return await createConnection(ctx.store.db, ctx.box, org.id, req.body);
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
      const c = await updateConnection(ctx.store.db, ctx.box, org.id, req.params.id, req.body);
      if (!c) throw notFound(req.params.id);
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
      return { deleted: true };
    },
  );
}
