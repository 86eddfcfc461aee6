import { z } from 'zod';
import { field } from '../../../domain/model/field.js';

/** The records-table kind of is74 users; not a canonical kind, so the generic record API never lists it. */
export const IS74_USER_KIND = 'is74_user';

/**
 * A resident who may sign in to the is74 app, as the billing sends it to `POST
 * /v1/orgs/{org}/is74/users`. `id` is the `ext_user_id`; `accountNumbers` are the лицевые счета
 * whose contracts the user sees. The password is kept sealed (the seed needs it back in clear).
 */
export const Is74UserInput = z.strictObject({
  id: field.key,
  login: field.key,
  password: z.string().min(1).max(200),
  fullName: z.string().trim().max(300).default(''),
  blocked: z.boolean().default(false),
  phones: z
    .array(z.strictObject({ number: field.phone, confirmed: z.boolean().default(false) }))
    .max(10)
    .default([]),
  accountNumbers: z.array(field.accountNumber).max(100).default([]),
});
export type Is74UserInput = z.output<typeof Is74UserInput>;

/** What the records table holds: the same, with `password` a SecretBox envelope. */
export const Is74StoredUser = Is74UserInput.extend({ password: z.string().startsWith('v1:') });
export type Is74StoredUser = z.output<typeof Is74StoredUser>;
