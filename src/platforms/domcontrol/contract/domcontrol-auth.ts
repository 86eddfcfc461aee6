import { z } from 'zod';

/**
 * Seed 002 says nothing about authentication. A connection (and the sandbox) uses none, a bearer
 * token or HTTP Basic — whatever the real installation turns out to demand.
 */
export const DomcontrolAuthMode = z.enum(['none', 'bearer', 'basic']);
export type DomcontrolAuthMode = z.infer<typeof DomcontrolAuthMode>;

export const DomcontrolAuth = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('bearer'), token: z.string().min(1) }),
  z.strictObject({ mode: z.literal('basic'), user: z.string().min(1), password: z.string().min(1) }),
]);
export type DomcontrolAuth = z.infer<typeof DomcontrolAuth>;

/** The `Authorization` header of an auth, or undefined for none. */
export function authorizationOf(auth: DomcontrolAuth): string | undefined {
  if (auth.mode === 'bearer') return `Bearer ${auth.token}`;
  if (auth.mode === 'basic')
    return `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  return undefined;
}
