import { z } from 'zod';
import { domaResponse } from './doma-errors.js';

/** Service-user login (seed 000 §"Авторизация"): answers a bearer token for `Authorization`. */
export const LOGIN_DOCUMENT = `mutation signin($email: String, $password: String) {
  auth: authenticateUserWithPassword(email: $email, password: $password) { token item { id } }
}`;

export const LoginVariables = z.object({ email: z.string().min(1), password: z.string().min(1) });
export type LoginVariables = z.infer<typeof LoginVariables>;

export const LoginData = z.object({
  auth: z.object({ token: z.string().min(1), item: z.object({ id: z.string() }).nullable() }).nullable(),
});
export const LoginResponse = domaResponse(LoginData);
export type LoginResponse = z.infer<typeof LoginResponse>;
