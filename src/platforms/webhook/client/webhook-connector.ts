import type { Connector, OutboxStream } from '../../../engine/connector/connector.js';
import { postEvents, type WebhookContext } from './post-events.js';
import { endpointsWaiting, removeQueued, takeQueued } from './webhook-queue.js';
import { webhookRoutes } from './webhook-routes.js';
import { WebhookCredentials, WebhookSettings } from './webhook-settings.js';

const dbOf = (ctx: WebhookContext) => {
  if (!ctx.db) throw new Error('the webhook outbox needs the store');
  return ctx.db;
};

/** The endpoint's queue of events (see webhook_queue): drained in order by the engine. */
const eventsOutbox: OutboxStream<WebhookSettings, WebhookCredentials> = {
  name: 'webhook_events',
  batchSize: (settings) => settings.batchSize,
  take: (ctx, limit, after) => takeQueued(dbOf(ctx), ctx.connection.id, limit, after),
  deliver: (entries, ctx) =>
    postEvents(
      ctx,
      entries.map((e) => e.payload as string),
      `${entries[0]?.id}..${entries.at(-1)?.id}`,
    ),
  remove: (entries, ctx) =>
    removeQueued(
      dbOf(ctx),
      ctx.connection.id,
      entries.map((e) => e.id),
    ),
  waiting: endpointsWaiting,
};

/**
 * The billing's own webhook endpoint, as a connection like any platform's (README "Webhooks"):
 * events of its organisation go out through the engine — the same retry policy, runs, operations
 * and metrics — signed with the endpoint's secret. Managed through `/v1/orgs/{org}/webhooks`.
 */
export const webhookConnector: Connector<WebhookSettings, WebhookCredentials> = {
  platform: 'webhook',
  title: "Billing webhook: the organisation's events POSTed, signed and batched, to the billing",
  settings: WebhookSettings,
  credentials: WebhookCredentials,
  // An empty, signed batch: the endpoint is reachable and answers 2xx.
  check: async (ctx) => {
    await postEvents(ctx, [], '..');
    return { ok: true, detail: `${ctx.connection.settings.url} answered 2xx` };
  },
  outbound: [],
  inbound: [],
  outboxes: [eventsOutbox],
  billingRoutes: webhookRoutes,
};
