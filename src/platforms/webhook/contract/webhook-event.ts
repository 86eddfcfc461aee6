import { z } from 'zod';

/** One event as the billing receives it (an element of the body's `events`). */
export const WebhookEvent = z.object({
  id: z.number().int().positive(),
  type: z.string(),
  orgId: z.string(),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookBody = z.object({ events: z.array(WebhookEvent) });
export type WebhookBody = z.infer<typeof WebhookBody>;
