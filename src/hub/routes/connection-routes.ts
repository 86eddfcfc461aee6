import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Connector } from '../../engine/connector/connector.js';
import { createConnection, deleteConnection, listConnections } from '../../store/connection-store.js';
import { editConnection } from '../../store/edit-connection.js';
import { isUniqueViolation } from '../../store/is-unique-violation.js';
import { safeError } from '../../store/safe-error.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { checkConnectionInput } from './check-connection-input.js';
import { checkConnectionName } from './check-connection-name.js';
import { mergeConnectionPatch } from './merge-connection-patch.js';
import { resolveConnection } from './resolve-connection.js';

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

const ConnectionPatchBody = z.strictObject({
  name: ConnectionBody.shape.name.optional(),
  enabled: z.boolean().optional(),
  settings: z
    .record(z.string(), z.unknown())
    .nullable()
    .optional()
    .describe(
      'a JSON merge patch (RFC 7396) of the settings: a key left out keeps its value, null removes it, objects merge',
    ),
  credentials: z
    .record(z.string(), z.unknown())
    .nullable()
    .optional()
    .describe('a JSON merge patch of the credentials (write-only; null removes them all)'),
});

const IdParams = OrgParams.extend({
  id: z.string().describe('connection id or name (an id is looked up first; names never look like ids)'),
});

export function registerConnectionRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['connections'];
  const nameTaken = (org: string, name: string) =>
    new HttpError(409, 'connection_exists', `organization "${org}" already has a connection named "${name}"`);

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
      checkConnectionName(req.body.name);
      checkConnectionInput(connectorOf(req.body.platform), req.body);
      try {
        const created = await createConnection(ctx.store.db, ctx.box, org.id, req.body);
        await refreshSchedules(req.log);
        return created;
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(org.id, req.body.name);
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
      return resolveConnection(ctx, org.id, req.params.id);
    },
  );

  r.patch(
    '/v1/orgs/:org/connections/:id',
    {
      schema: {
        tags,
        summary: 'Change a connection: settings and credentials merge (JSON merge patch, RFC 7396)',
        description:
          'A key left out keeps its value, `null` removes it, nested objects merge: `{"settings":{"sync":{"schedule":"0 3 * * *"}}}` changes the schedule and nothing else. The merged settings and credentials are validated with the platform\'s schemas; a refused result is a 400 naming the field, and nothing changes. The answer is the connection as it now is, with `changed` listing what moved (credential fields by name only).',
        params: IdParams,
        body: ConnectionPatchBody,
        response: { 200: ConnectionView.extend({ changed: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const target = await resolveConnection(ctx, org.id, req.params.id);
      if (req.body.name !== undefined) checkConnectionName(req.body.name);
      let changed: string[] = [];
      let updated: Awaited<ReturnType<typeof editConnection>>;
      try {
        updated = await editConnection(ctx.store.db, ctx.box, org.id, target.id, (now) => {
          const merged = mergeConnectionPatch(() => connectorOf(now.info.platform), now, req.body);
          changed = merged.changed;
          return merged.change;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(org.id, req.body.name ?? '');
        throw err;
      }
      if (!updated)
        throw new HttpError(404, 'connection_not_found', `connection ${req.params.id} does not exist`);
      if (changed.length > 0) await refreshSchedules(req.log);
      return { ...updated, changed };
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
      const target = await resolveConnection(ctx, org.id, req.params.id);
      if (!(await deleteConnection(ctx.store.db, org.id, target.id)))
        throw new HttpError(404, 'connection_not_found', `connection ${req.params.id} does not exist`);
      await refreshSchedules(req.log);
      return { deleted: true };
    },
  );
}
