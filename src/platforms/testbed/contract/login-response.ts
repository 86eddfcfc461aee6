import { z } from 'zod';

/** `POST /api/login` answer: a bearer token for every other `/api/*` call. */
export const LoginResponse = z.object({
  token: z.string().min(1),
  /** How long the token lives; the sandbox reports a day when tokens do not expire. */
  expiresInSeconds: z.number().int().nonnegative(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;
