import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getOrg } from '../../store/org-store.js';
import { createToken, getToken, listTokens, revokeToken } from '../../store/token-store.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { principalOf, requireAdmin } from '../principal.js';

const TokenView = z.object({
  id: z.string(),
  orgId: z.string().nullable(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function registerTokenRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];

  r.post(
    '/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (admin token); the secret is shown once',
        body: z.object({
          name: z.string().min(1).max(200),
          org: z
            .string()
            .optional()
            .describe('scope the token to this organization; omit for an admin token'),
        }),
        response: { 200: z.object({ token: z.string(), info: TokenView }) },
      },
    },
    async (req) => {
      requireAdmin(req);
      if (req.body.org !== undefined && !(await getOrg(ctx.store.db, req.body.org))) {
        throw new HttpError(404, 'org_not_found', `organization "${req.body.org}" does not exist`);
      }
      return createToken(ctx.store.db, { orgId: req.body.org ?? null, name: req.body.name });
    },
  );

  r.get(
    '/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Tokens (admin: all; scoped: its organization’s)',
        response: { 200: z.array(TokenView) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return listTokens(ctx.store.db, p.orgId ?? undefined);
    },
  );

  r.delete(
    '/v1/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a token',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ revoked: z.boolean() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const t = await getToken(ctx.store.db, req.params.id);
      if (!t || (p.orgId !== null && t.orgId !== p.orgId)) {
        throw new HttpError(404, 'token_not_found', `token ${req.params.id} does not exist`);
      }
      const revoked = await revokeToken(ctx.store.db, t.id);
      ctx.tokens.forget(t.id);
      return { revoked };
    },
  );
}
