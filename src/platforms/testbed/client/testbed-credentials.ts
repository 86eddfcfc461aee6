import { z } from 'zod';

/** What `POST /api/login` takes. */
export const TestbedCredentials = z.strictObject({ user: z.string().min(1), password: z.string().min(1) });
export type TestbedCredentials = z.infer<typeof TestbedCredentials>;
