import { sessionToken } from '../../../engine/connector/session-login.js';
import { AuthExpiredError, AuthRejectedError } from '../../../engine/policy/platform-errors.js';
import { LoginResponse } from '../contract/login-response.js';
import { testbedPaths } from '../contract/testbed-paths.js';
import { readAnswer } from './read-answer.js';
import type { TestbedContext } from './testbed-context.js';
import { testbedUrl } from './testbed-url.js';

/**
 * The bearer token of this connection, logging in when the session has none (first call, or the
 * engine cleared the session after a 401). A 401 on login itself means wrong credentials.
 */
export function ensureToken(ctx: TestbedContext): Promise<string> {
  return sessionToken(ctx.session, () => logIn(ctx));
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
    return token;
  } catch (error) {
    if (error instanceof AuthExpiredError)
      throw new AuthRejectedError('testbed refused the user and password');
    throw error;
  }
}
