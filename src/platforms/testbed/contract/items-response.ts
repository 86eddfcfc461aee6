import { z } from 'zod';

/** The outcome of one write: the platform's id of the record, or why it was refused. */
export const ItemResult = z.discriminatedUnion('status', [
  z.object({ key: z.string(), status: z.literal('ok'), id: z.string() }),
  z.object({ key: z.string(), status: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ItemResult = z.infer<typeof ItemResult>;

/** `POST /api/items/:kind` answer: one result per written item, in input order. */
export const ItemsResponse = z.object({ results: z.array(ItemResult) });
export type ItemsResponse = z.infer<typeof ItemsResponse>;
