import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';

/**
 * Whether a call to our Data Provider API comes from the platform, as the connection configures:
 * the caller's address must be in `allowIps` when that is set, and it must present the bearer
 * `token` or the Basic `user`/`password` when either is set. A connection that configures none of
 * the three admits nobody.
 */
export function platformAuthenticated(
  req: FastifyRequest,
  settings: Is74Settings,
  credentials: Is74Credentials,
): boolean {
  const { allowIps } = settings;
  if (allowIps && !allowIps.includes(req.ip.replace(/^::ffff:/, ''))) return false;
  const { token, user, password } = credentials;
  if (token === undefined && user === undefined) return allowIps !== undefined;
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (token !== undefined && bearer !== undefined && sameSecret(bearer, token)) return true;
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (user !== undefined && password !== undefined && basic !== undefined) {
    return sameSecret(Buffer.from(basic, 'base64').toString('utf8'), `${user}:${password}`);
  }
  return false;
}

/** Constant time whatever the lengths: equal-length digests are compared, never the secrets. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
