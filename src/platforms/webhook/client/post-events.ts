import type { ConnectorContext } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { webhookHeaders } from '../contract/webhook-headers.js';
import { signWebhook } from '../contract/webhook-signature.js';
import type { WebhookCredentials, WebhookSettings } from './webhook-settings.js';

export type WebhookContext = ConnectorContext<WebhookSettings, WebhookCredentials>;

/**
 * POSTs one signed batch (`events` are JSON texts, in order). A 2xx acknowledges every event in it;
 * a 5xx, 429, 401 or no answer is a PlatformError from the run's fetch (the policy retries); any
 * other answer is refused for good for this attempt — the events stay queued all the same.
 */
export async function postEvents(
  ctx: WebhookContext,
  events: readonly string[],
  range: string,
): Promise<void> {
  const body = `{"events":[${events.join(',')}]}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await ctx.fetch(ctx.connection.settings.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [webhookHeaders.timestamp]: String(timestamp),
      [webhookHeaders.signature]: signWebhook(ctx.credentials.secret, timestamp, body),
      [webhookHeaders.endpoint]: ctx.connection.id,
      [webhookHeaders.delivery]: range,
    },
    body,
  });
  // Drained either way: the connection goes back to the pool.
  const text = await res.text().catch(() => '');
  if (res.ok) return;
  throw new NonRetryableError(
    `the billing answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    `http_${res.status}`,
  );
}
