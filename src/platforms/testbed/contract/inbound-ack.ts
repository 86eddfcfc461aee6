import { z } from 'zod';

/** `POST /api/inbound/ack` body: the ids to remove from the queue (unknown ids are ignored). */
export const InboundAckRequest = z.object({ ids: z.array(z.string()) });
export type InboundAckRequest = z.infer<typeof InboundAckRequest>;

/** How many of the ids were still waiting. */
export const InboundAckResponse = z.object({ acked: z.number().int().nonnegative() });
export type InboundAckResponse = z.infer<typeof InboundAckResponse>;
