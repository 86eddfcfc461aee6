import { z } from 'zod';

/** seed 003 §"1. Авторизация / проверка логина-пароля пользователя": `POST /api/auth` body. */
export const AuthRequest = z.object({
  login: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f\u007f]+$/),
  pswd: z.string().min(1).max(1000),
});
export type AuthRequest = z.infer<typeof AuthRequest>;

/** The 200 answer; a wrong login or password is HTTP 401. */
export const AuthResponse = z.object({ ext_user_id: z.string().min(1) });
export type AuthResponse = z.infer<typeof AuthResponse>;
