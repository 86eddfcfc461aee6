import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BillingRouteContext, BillingRoutes } from '../../../engine/connector/connector.js';
import { BulkResult, decodeCursor, encodeCursor, OrgParams, PageQuery } from '../../../hub/api-schemas.js';
import { HttpError } from '../../../hub/http-error.js';
import { listRecords } from '../../../store/record-store.js';
import { IS74_USER_KIND, Is74UserInput } from './is74-user.js';
import { deleteUsers, writeUsers } from './write-users.js';

const UserView = Is74UserInput.omit({ password: true }).extend({ updatedAt: z.string() });

/**
 * is74 users: the residents who sign in to the is74 app with a login and password the billing
 * gives them. Passwords are write-only here — sealed at rest and never listed; only the platform
 * reads them back, through the Data Provider API the seed prescribes.
 */
function register(app: FastifyInstance, ctx: BillingRouteContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['is74'];
  const base = '/v1/orgs/:org/is74/users';

  r.post(
    base,
    {
      schema: {
        tags,
        summary: `Upsert is74 users (JSON array, up to ${ctx.maxRecords})`,
        description:
          'Key: id (the ext_user_id). The password is sealed before it is stored; a re-send of an unchanged user writes nothing. A login belongs to one user.',
        params: OrgParams,
        body: z.array(Is74UserInput),
        response: { 200: BulkResult },
      },
      config: { perRecordBody: true },
      // Validated user by user in writeUsers, so each gets its own answer.
      validatorCompiler: ({ httpPart }) =>
        httpPart === 'body'
          ? (data: unknown) => ({ value: data })
          : (data: unknown) => {
              const res = OrgParams.safeParse(data);
              return res.success ? { value: res.data } : { error: res.error as unknown as Error };
            },
    },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      if (!ctx.box)
        throw new HttpError(503, 'secret_key', 'the hub has no secret key to seal passwords with');
      const body = req.body as unknown;
      if (!Array.isArray(body))
        throw new HttpError(400, 'body_not_array', 'the body must be a JSON array of users');
      if (body.length > ctx.maxRecords) {
        throw new HttpError(413, 'too_many_records', `${body.length} users in one request`, {
          limit: ctx.maxRecords,
        });
      }
      const { summary, changed } = await writeUsers(ctx.db, ctx.box, orgId, body);
      // A user gained or lost a лицевой счёт (or is new): the callback run tells the core.
      if (changed) ctx.changed?.(orgId, IS74_USER_KIND);
      return summary;
    },
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List is74 users in id order (passwords are never listed)',
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: z.object({ items: z.array(UserView), next: z.string().nullable() }) },
      },
    },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      const { limit, after } = req.query;
      const rows = await listRecords(ctx.db, orgId, IS74_USER_KIND, {
        after: after === undefined ? undefined : decodeCursor(after),
        limit,
      });
      const last = rows.at(-1);
      return {
        items: rows.map((row) => {
          const { password: _sealed, ...user } = row.data as z.output<typeof Is74UserInput>;
          return { ...user, updatedAt: row.updatedAt };
        }),
        next: rows.length === limit && last ? encodeCursor(last.key) : null,
      };
    },
  );

  r.post(
    `${base}/delete`,
    {
      schema: {
        tags,
        summary: 'Delete is74 users by id: they can no longer sign in',
        params: OrgParams,
        body: z.object({ keys: z.array(z.string().min(1)).min(1).max(ctx.maxRecords) }),
        response: { 200: z.object({ deleted: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const orgId = await ctx.resolveOrg(req, req.params.org);
      const deleted = await deleteUsers(ctx.db, orgId, req.body.keys);
      if (deleted.length > 0) ctx.changed?.(orgId, IS74_USER_KIND);
      return { deleted };
    },
  );
}

export const is74UserRoutes: BillingRoutes = { register };
