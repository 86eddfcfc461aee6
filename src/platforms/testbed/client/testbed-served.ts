import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServedRoutes } from '../../../engine/connector/connector.js';
import { appendInbox } from '../../../store/inbox-store.js';
import { EventsRequest, TESTBED_EVENTS_PATH, TESTBED_SECRET_HEADER } from '../contract/events-request.js';
import type { TestbedCredentials } from './testbed-credentials.js';
import type { TestbedSettings } from './testbed-settings.js';

/**
 * The route the testbed platform calls on us. The platform proves itself with the connection's
 * password in a header (compared in constant time); what it sends lands in the inbox, where a
 * replay of the same event id adds nothing.
 */
export const testbedServed: ServedRoutes<TestbedSettings, TestbedCredentials> = {
  register(app: FastifyInstance, resolve) {
    app.post<{ Params: { connectionId: string } }>(TESTBED_EVENTS_PATH, async (req, reply) => {
      const ctx = await resolve(req.params.connectionId);
      if (!ctx) return reply.status(404).send({ error: 'not_found' });
      if (!sameSecret(req.headers[TESTBED_SECRET_HEADER], ctx.credentials.password)) {
        return reply.status(401).send({ error: 'unauthorized' });
      }
      const body = EventsRequest.safeParse(req.body);
      if (!body.success) {
        await ctx.record({ kind: 'events', failed: 1, error: 'malformed events body' });
        return reply.status(400).send({ error: 'bad_request', message: body.error.issues[0]?.message });
      }
      const { connection } = ctx;
      const fresh = await appendInbox(
        ctx.db,
        connection.orgId,
        body.data.items.map((i) => ({
          connectionId: connection.id,
          platform: connection.platform,
          kind: i.kind,
          sourceId: i.id,
          payload: i.payload,
        })),
      );
      const received = body.data.items.length;
      await ctx.record({ kind: 'events', received, unchanged: received - fresh });
      return { accepted: received, new: fresh };
    });
  },
};

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
