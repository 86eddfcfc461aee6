import { z } from 'zod';

/** The bearer token the platform's support issues (seed 001 §"Отправка данных"). */
export const UzhkhCredentials = z.strictObject({ token: z.string().min(1) });
export type UzhkhCredentials = z.infer<typeof UzhkhCredentials>;
