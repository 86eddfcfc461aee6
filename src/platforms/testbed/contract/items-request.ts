import { z } from 'zod';

/** One write of `POST /api/items/:kind`: upsert or delete by (kind, key). */
export const ItemWrite = z.object({
  key: z.string().min(1),
  op: z.enum(['upsert', 'delete']),
  /** Opaque to the platform, except an object with a string `reject` field, refused with that code. */
  payload: z.unknown(),
});
export type ItemWrite = z.infer<typeof ItemWrite>;

export const ItemsRequest = z.object({ items: z.array(ItemWrite) });
export type ItemsRequest = z.infer<typeof ItemsRequest>;
