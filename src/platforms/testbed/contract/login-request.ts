import { z } from 'zod';

/** `POST /api/login` body. */
export const LoginRequest = z.object({ user: z.string(), password: z.string() });
export type LoginRequest = z.infer<typeof LoginRequest>;
