import { sessionToken } from '../../../engine/connector/session-login.js';
import {
  AuthExpiredError,
  AuthRejectedError,
  NonRetryableError,
} from '../../../engine/policy/platform-errors.js';
import { LOGIN_DOCUMENT, LoginData } from '../contract/login.js';
import type { DomaContext } from './doma-context.js';
import { domaApiUrl } from './doma-url.js';
import { readGraphql } from './read-graphql.js';

/**
 * The bearer token of this connection, logging in when the session has none (seed 000
 * §"Авторизация").
 */
export function ensureToken(ctx: DomaContext): Promise<string> {
  return sessionToken(ctx.session, () => logIn(ctx));
}

async function logIn(ctx: DomaContext): Promise<string> {
  const { email, password } = ctx.credentials;
  let token: string | undefined;
  try {
    const res = await ctx.fetch(domaApiUrl(ctx), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN_DOCUMENT, variables: { email, password } }),
    });
    const { data } = await readGraphql(res, 'login');
    token = LoginData.safeParse(data).data?.auth?.token;
  } catch (error) {
    // A wrong password is already AuthRejectedError (graphql-failure.ts); an UNAUTHENTICATED answer
    // to the login itself means the same.
    if (error instanceof AuthExpiredError) throw new AuthRejectedError('Doma.ai refused the service user');
    throw error;
  }
  if (typeof token !== 'string' || token === '') {
    throw new NonRetryableError('Doma.ai login answered without a token', 'contract_break');
  }
  return token;
}
