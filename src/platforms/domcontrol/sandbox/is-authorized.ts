import { timingSafeEqual } from 'node:crypto';
import { authorizationOf, type DomcontrolAuth } from '../contract/domcontrol-auth.js';

/** Whether an `Authorization` header satisfies the sandbox's auth; compared in constant time. */
export function isAuthorized(auth: DomcontrolAuth, header: string | undefined): boolean {
  const expected = authorizationOf(auth);
  if (expected === undefined) return true;
  if (header === undefined) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
