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
  checkOrgAccess(req, orgId);
  const org = await getOrg(ctx.store.db, orgId);
  if (!org) throw new HttpError(404, 'org_not_found', `organization "${orgId}" does not exist`);
  return org;
}

/**
 * The token check of resolveOrg alone, for a read that needs the organisation's id only: a record
 * found proves its organisation exists (records reference orgs), so the store is asked about the
 * organisation only when nothing is found.
 */
export function checkOrgAccess(req: FastifyRequest, orgId: string): void {
  const p = principalOf(req);
  if (p.orgId !== null && p.orgId !== orgId) {
    throw new HttpError(403, 'forbidden', `this token is for organization "${p.orgId}", not "${orgId}"`);
  }
}
