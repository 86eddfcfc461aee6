import { z } from 'zod';

/**
 * What the platform must present when it calls our Data Provider API (a bearer `token`, or Basic
 * `user` + `password`; either, both, or none when `settings.allowIps` alone admits it), and the
 * Basic credentials we present on the core's callbacks (seed 003 §"CallBack": «данные для неё
 * запрашиваются отдельно»).
 */
export const Is74Credentials = z
  .strictObject({
    token: z.string().min(16).optional(),
    user: z.string().min(1).optional(),
    password: z.string().min(8).optional(),
    callbackUser: z.string().min(1),
    callbackPassword: z.string().min(1),
  })
  .refine((c) => (c.user === undefined) === (c.password === undefined), {
    message: 'user and password go together',
  });
export type Is74Credentials = z.infer<typeof Is74Credentials>;
