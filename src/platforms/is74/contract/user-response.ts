import { z } from 'zod';

/**
 * seed 003 §"2. Получение информации о пользователе": `GET /api/users?user_id=` answers an array
 * (HTTP 404 when the user is unknown). The password travels in clear, as the seed requires.
 */
export const Is74UserView = z.object({
  ext_user_id: z.string().min(1),
  login: z.string().min(1),
  password: z.string().min(1),
  is_blocked: z.boolean(),
  full_name: z.string(),
  phones: z.array(z.object({ number: z.string().min(1), confirmed: z.boolean() })),
});
export type Is74UserView = z.infer<typeof Is74UserView>;

export const UsersResponse = z.array(Is74UserView);
