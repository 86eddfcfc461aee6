import type { FastifyInstance } from 'fastify';
import type { BillingRouteContext } from '../engine/connector/connector.js';
import type { HubContext } from './hub-context.js';
import { resolveOrg } from './resolve-org.js';
import { resolveConnection } from './routes/resolve-connection.js';

/**
 * Mounts each platform's billing routes (its own commands: «Умное ЖКХ» decisions, is74 users). They
 * sit under `/v1` like every billing route, so the hub's token check applies to them.
 */
export function mountBillingRoutes(app: FastifyInstance, ctx: HubContext): void {
  const routeCtx: BillingRouteContext = {
    db: ctx.store.db,
    box: ctx.box,
    maxRecords: ctx.limits.maxRecords,
    resolveOrg: async (req, orgId) => (await resolveOrg(ctx, req, orgId)).id,
    resolveConnection: (orgId, idOrName) => resolveConnection(ctx, orgId, idOrName),
    changed: (orgId, kind) => ctx.changes.notify(orgId, kind),
    trigger: ctx.engine ? (orgId, req) => ctx.engine!.trigger(orgId, req) : undefined,
  };
  for (const platform of ctx.connectors.names())
    ctx.connectors.get(platform)?.billingRoutes?.register(app, routeCtx);
}
