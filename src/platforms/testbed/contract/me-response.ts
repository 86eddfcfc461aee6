import { z } from 'zod';

/** `GET /api/me`: who the token belongs to (the connector's check shows it to the operator). */
export const MeResponse = z.object({ name: z.string() });
export type MeResponse = z.infer<typeof MeResponse>;
