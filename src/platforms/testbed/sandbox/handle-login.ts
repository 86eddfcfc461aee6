import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../sandbox-kit/read-body.js';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { LoginRequest } from '../contract/login-request.js';
import { parseJson } from './parse-json.js';
import type { TestbedRuntime } from './testbed-runtime.js';

/** Tokens do not expire when `tokenTtlMs` is 0; a day is what the answer then claims. */
const NO_EXPIRY_SECONDS = 86_400;

/** `POST /api/login`: never faulted, so a fault test measures the write path alone. */
export async function handleLogin(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req, 65_536);
  const parsed = body === undefined ? undefined : LoginRequest.safeParse(parseJson(body));
  if (!parsed?.success)
    return sendJson(res, 400, { error: 'bad_request', message: 'expected {user, password}' });
  if (parsed.data.user !== rt.user || parsed.data.password !== rt.password) {
    return sendJson(res, 401, { error: 'bad_credentials' });
  }
  rt.stats.logins++;
  const ttlMs = rt.faults.tokenTtlMs;
  sendJson(res, 200, {
    token: rt.tokens.issue(ttlMs),
    expiresInSeconds: ttlMs > 0 ? Math.ceil(ttlMs / 1000) : NO_EXPIRY_SECONDS,
  });
}
