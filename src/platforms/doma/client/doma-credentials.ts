import { z } from 'zod';

/** The service user's email and password (seed 000 §"Авторизация"). */
export const DomaCredentials = z.strictObject({ email: z.string().min(1), password: z.string().min(1) });
export type DomaCredentials = z.infer<typeof DomaCredentials>;
