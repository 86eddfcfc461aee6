import { z } from 'zod';

/** One record waiting in the inbound queue; it stays there until acknowledged. */
export const InboundRecord = z.object({
  /** `in-<n>`: stable, and served again with the same id when the platform redelivers. */
  id: z.string(),
  kind: z.string(),
  payload: z.unknown(),
});
export type InboundRecord = z.infer<typeof InboundRecord>;

/** `GET /api/inbound?limit=N` answer: the oldest N waiting records. */
export const InboundResponse = z.object({ items: z.array(InboundRecord), hasMore: z.boolean() });
export type InboundResponse = z.infer<typeof InboundResponse>;
