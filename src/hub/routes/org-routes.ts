import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Organization } from '../../domain/model/organization.js';
import { getOrg, listOrgs, upsertOrg } from '../../store/org-store.js';
import { countRecords } from '../../store/record-store.js';
import { OrgParams } from '../api-schemas.js';
import type { HubContext } from '../hub-context.js';
import { principalOf, requireAdmin } from '../principal.js';
import { resolveOrg } from '../resolve-org.js';

const OrgView = z.object({
  id: z.string(),
  name: z.string(),
  data: Organization,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function registerOrgRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];

  r.post(
    '/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Create or update an organization (admin token)',
        body: Organization,
        response: { 200: z.object({ status: z.enum(['created', 'updated', 'unchanged']), org: OrgView }) },
      },
    },
    async (req) => {
      requireAdmin(req);
      const status = await upsertOrg(ctx.store.db, req.body);
      return { status, org: (await getOrg(ctx.store.db, req.body.id))! };
    },
  );

  r.get(
    '/v1/orgs',
    { schema: { tags, summary: 'Organizations this token can see', response: { 200: z.array(OrgView) } } },
    async (req) => {
      const p = principalOf(req);
      const all = await listOrgs(ctx.store.db);
      return p.orgId === null ? all : all.filter((o) => o.id === p.orgId);
    },
  );

  r.get(
    '/v1/orgs/:org',
    {
      schema: {
        tags,
        summary: 'One organization with its record counts per kind',
        params: OrgParams,
        response: { 200: OrgView.extend({ counts: z.record(z.string(), z.number()) }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      return { ...org, counts: await countRecords(ctx.store.db, org.id) };
    },
  );
}
