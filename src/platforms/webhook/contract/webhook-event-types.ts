import { inboundKinds } from '../../../domain/model/inbound.js';

/**
 * What a billing can subscribe to: one type per inbox kind (whatever residents do on a platform:
 * `inbox.reading`, `inbox.payment`, `inbox.ticket`, …), the end of a sync run (`run.succeeded`;
 * `run.failed` for a failed or partial one) and a record refused by a platform
 * (`record_error.created`). The types are named by the store's triggers (migration 0007).
 */
export const WEBHOOK_EVENT_TYPES = [
  ...Object.keys(inboundKinds).map((k) => `inbox.${k}`),
  'run.succeeded',
  'run.failed',
  'record_error.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
