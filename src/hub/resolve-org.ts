import type { FastifyRequest } from 'fastify';
import { getOrg, type OrgRow } from '../store/org-store.js';
import { HttpError } from './http-error.js';
import type { HubContext } from './hub-context.js';
import { principalOf } from './principal.js';

/**
 * The organisation a request addresses, after checking the token may see it. A scoped token gets
 * 403 for any other organisation — existing or not — so it cannot probe which ones exist.
 */
export async function resolveOrg(ctx: HubContext, req: FastifyRequest, orgId: string): Promise<OrgRow> {
  const p = principalOf(req);
  if (p.orgId !== null && p.orgId !== orgId) {
    throw new HttpError(403, 'forbidden', `this token is for organization "${p.orgId}", not "${orgId}"`);
  }
  const org = await getOrg(ctx.store.db, orgId);
  if (!org) throw new HttpError(404, 'org_not_found', `organization "${orgId}" does not exist`);
  return org;
}
