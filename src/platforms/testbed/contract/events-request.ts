import { z } from 'zod';

/**
 * What the testbed platform pushes to us (`POST <our base>/api/events`, header `x-testbed-secret`):
 * resident activity as it happens, the way is74 calls a billing's Data Provider.
 */
export const EventsRequest = z.object({
  items: z
    .array(z.object({ id: z.string().min(1), kind: z.string().min(1), payload: z.unknown() }))
    .max(1000),
});
export type EventsRequest = z.infer<typeof EventsRequest>;

export const TESTBED_EVENTS_PATH = '/api/events';
export const TESTBED_SECRET_HEADER = 'x-testbed-secret';
