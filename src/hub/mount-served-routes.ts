import type { FastifyInstance } from 'fastify';
import type { ServedContext } from '../engine/connector/connector.js';
import { resolveConnector } from '../engine/run/resolve-connector.js';
import { getConnectionById, readCredentials } from '../store/connection-store.js';
import { createOperation } from '../store/operation-store.js';
import type { HubContext } from './hub-context.js';

/**
 * Mounts each platform's served routes (the platform calls us: is74's Data Provider API) under
 * `/p/<platform>/<connection id>/`. The hub's API tokens do not apply there — the platform does not
 * have one — so those routes are public to the hub and authenticate the platform themselves, as
 * the connection configures. Every call they record is a `callback` operation.
 */
export async function mountServedRoutes(app: FastifyInstance, ctx: HubContext): Promise<void> {
  for (const platform of ctx.connectors.names()) {
    const served = ctx.connectors.get(platform)?.served;
    if (!served) continue;
    const resolve = async (connectionId: string): Promise<ServedContext | undefined> => {
      const conn = await getConnectionById(ctx.store.db, connectionId);
      if (!conn || conn.platform !== platform || !conn.enabled) return undefined;
      const resolved = resolveConnector(
        ctx.connectors,
        conn,
        await readCredentials(ctx.store.db, ctx.box, conn.id),
      );
      if (!resolved.ok) return undefined;
      const connection = { id: conn.id, orgId: conn.orgId, platform, settings: resolved.settings };
      return {
        connection,
        credentials: resolved.credentials,
        db: ctx.store.db,
        box: ctx.box,
        async record(op) {
          await createOperation(ctx.store.db, {
            orgId: conn.orgId,
            connectionId: conn.id,
            platform,
            type: 'callback',
            kind: op.kind,
            state: op.error ? 'failed' : 'succeeded',
            counts: { received: op.received ?? 0, unchanged: op.unchanged ?? 0, failed: op.failed ?? 0 },
            lastError: op.error,
          });
        },
      };
    };
    await app.register(
      async (scope) => {
        scope.addHook('onRoute', (route) => {
          route.config = { ...(route.config as object), public: true, platformAnswers: true };
          route.schema = { ...route.schema, hide: true };
        });
        served.register(scope, resolve);
      },
      { prefix: `/p/${platform}/:connectionId` },
    );
  }
}
