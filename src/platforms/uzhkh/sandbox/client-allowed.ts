import type { IncomingMessage } from 'node:http';
import type { UzhkhRuntime } from './uzhkh-runtime.js';

/**
 * seed 001: every call carries `Authorization: Bearer <token>` and comes from a registered IP.
 * An IPv4 address seen through an IPv6 socket (`::ffff:127.0.0.1`) counts as the IPv4 one.
 */
export function clientAllowed(rt: UzhkhRuntime, req: IncomingMessage): boolean {
  const header = req.headers.authorization;
  if (header !== `Bearer ${rt.token}`) return false;
  const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return rt.allowIps.includes(ip);
}
