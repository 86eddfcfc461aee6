import { z } from 'zod';

/** What the connection's `settings.auth.mode` needs: nothing, a bearer token, or a Basic user and password. */
export const DomcontrolCredentials = z.union([
  z.strictObject({ token: z.string().min(1) }),
  z.strictObject({ user: z.string().min(1), password: z.string().min(1) }),
  z.strictObject({}),
]);
export type DomcontrolCredentials = z.infer<typeof DomcontrolCredentials>;
