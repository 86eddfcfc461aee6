import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../contract/webhook-event-types.js';

/** Most events in one request: a day's readings go in a few hundred requests, not 100k. */
export const MAX_WEBHOOK_BATCH = 1000;

/** A webhook endpoint's settings (a connection of platform `webhook`); strict, so a typo is an error. */
export const WebhookSettings = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).describe('where the billing receives the events (POST)'),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).describe('the event types sent to this endpoint'),
  batchSize: z.number().int().min(1).max(MAX_WEBHOOK_BATCH).default(500).describe('events per request'),
});
export type WebhookSettings = z.output<typeof WebhookSettings>;

/** The endpoint's signing secret, sealed at rest with the other credentials. */
export const WebhookCredentials = z.strictObject({ secret: z.string().min(16) });
export type WebhookCredentials = z.infer<typeof WebhookCredentials>;
