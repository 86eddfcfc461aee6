/**
 * The session token of a connection, logging in when the session has none (the first call, or the
 * engine cleared the session after an AuthExpiredError). Concurrent batches share one login in
 * flight instead of each logging in.
 */
export async function sessionToken(
  session: Map<string, unknown>,
  logIn: () => Promise<string>,
): Promise<string> {
  const known = session.get(TOKEN);
  if (typeof known === 'string') return known;
  const pending = session.get(PENDING_LOGIN);
  if (pending instanceof Promise) return pending as Promise<string>;
  const login = logIn()
    .then((token) => {
      session.set(TOKEN, token);
      return token;
    })
    .finally(() => {
      if (session.get(PENDING_LOGIN) === login) session.delete(PENDING_LOGIN);
    });
  session.set(PENDING_LOGIN, login);
  return login;
}

const TOKEN = 'token';
const PENDING_LOGIN = 'pendingLogin';
