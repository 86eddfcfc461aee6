import { AuthExpiredError, AuthRejectedError } from '../../../engine/policy/platform-errors.js';
import { LoginResponse } from '../contract/login-response.js';
import { testbedPaths } from '../contract/testbed-paths.js';
import { readAnswer } from './read-answer.js';
import type { TestbedContext } from './testbed-context.js';
import { testbedUrl } from './testbed-url.js';

/** Session keys: the token, and a login in flight that concurrent batches share. */
const TOKEN = 'token';
const PENDING_LOGIN = 'pendingLogin';

/**
 * The bearer token of this connection, logging in when the session has none (first call, or the
 * engine cleared the session after a 401). A 401 on login itself means wrong credentials.
 */
export async function ensureToken(ctx: TestbedContext): Promise<string> {
  const known = ctx.session.get(TOKEN);
  if (typeof known === 'string') return known;
  const pending = ctx.session.get(PENDING_LOGIN);
  if (pending instanceof Promise) return pending as Promise<string>;
  const login = logIn(ctx).finally(() => {
    if (ctx.session.get(PENDING_LOGIN) === login) ctx.session.delete(PENDING_LOGIN);
  });
  ctx.session.set(PENDING_LOGIN, login);
  return login;
}

async function logIn(ctx: TestbedContext): Promise<string> {
  const { user, password } = ctx.credentials;
  try {
    const res = await ctx.fetch(testbedUrl(ctx, testbedPaths.login), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, password }),
    });
    const { token } = await readAnswer(res, LoginResponse, 'login');
    ctx.session.set(TOKEN, token);
    return token;
  } catch (error) {
    if (error instanceof AuthExpiredError)
      throw new AuthRejectedError('testbed refused the user and password');
    throw error;
  }
}
