import { AuthRejectedError } from '../../../engine/policy/platform-errors.js';
import { authorizationOf, type DomcontrolAuth } from '../contract/domcontrol-auth.js';
import type { DomcontrolContext } from './domcontrol-context.js';

/** Headers of an import call: JSON, and the credentials the connection's auth mode asks for. */
export function requestHeaders(ctx: DomcontrolContext): Record<string, string> {
  const authorization = authorizationOf(authOf(ctx));
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (authorization !== undefined) headers.authorization = authorization;
  return headers;
}

function authOf(ctx: DomcontrolContext): DomcontrolAuth {
  const { mode } = ctx.connection.settings.auth;
  const c = ctx.credentials as Record<string, string | undefined>;
  if (mode === 'none') return { mode };
  if (mode === 'bearer' && c.token) return { mode, token: c.token };
  if (mode === 'basic' && c.user && c.password) return { mode, user: c.user, password: c.password };
  throw new AuthRejectedError(
    `settings.auth.mode is ${mode}, but the credentials hold no ${mode === 'bearer' ? 'token' : 'user and password'}`,
  );
}
