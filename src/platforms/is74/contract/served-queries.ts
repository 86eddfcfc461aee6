import { z } from 'zod';

/**
 * An id as the core puts it in a query (`ext_user_id`, `ext_id`): one printable value. A parameter
 * given twice arrives as a list and is refused, as is an empty one or one with control characters
 * (`%00`).
 */
const QueryId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]+$/);

/** seed 003 §"2. Получение информации о пользователе": `GET /api/users?user_id=`. */
export const UsersQuery = z.object({ user_id: QueryId });

/**
 * seed 003 §"3." and §"4.": `GET /api/contracts?user_id=` (a user's contracts) or `?id=` (one
 * contract) — exactly one of the two.
 */
export const ContractsQuery = z.union([
  z.object({ user_id: QueryId, id: z.never().optional() }),
  z.object({ id: QueryId, user_id: z.never().optional() }),
]);

/** seed 003 §"7. Начисления": `GET /api/charges?user_id=&limit=`; `limit` a positive count. */
export const ChargesQuery = z.object({
  user_id: QueryId,
  limit: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number)
    .optional(),
});
