import type { DomaContext } from './doma-context.js';
import { domaApiUrl } from './doma-url.js';
import { ensureToken } from './ensure-token.js';
import { type GraphqlAnswer, readGraphql } from './read-graphql.js';

/**
 * One authenticated GraphQL call (`POST /admin/api`, `Authorization: Bearer`). Whole-request
 * failures are thrown as PlatformErrors for the engine; per-item errors are in the answer.
 */
export async function domaGraphql(
  ctx: DomaContext,
  what: string,
  request: { query: string; variables: Record<string, unknown>; operationName?: string },
): Promise<GraphqlAnswer> {
  const token = await ensureToken(ctx);
  const res = await ctx.fetch(domaApiUrl(ctx), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  return readGraphql(res, what);
}
