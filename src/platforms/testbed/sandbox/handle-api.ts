import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { testbedPaths } from '../contract/testbed-paths.js';
import { handleInbound } from './handle-inbound.js';
import { handleInboundAck } from './handle-inbound-ack.js';
import { handleItems } from './handle-items.js';
import { handleLogin } from './handle-login.js';
import type { TestbedRuntime } from './testbed-runtime.js';

const itemsPrefix = `${testbedPaths.items}/`;
const KIND = /^[A-Za-z0-9_-]+$/;

/** The platform's API: latency first, then login or the bearer check, then the route. */
export async function handleApi(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  rt.stats.requests++;
  // Requests open at once, latency included: shows whether a client keeps to its in-flight limit.
  rt.stats.maxInflight = Math.max(rt.stats.maxInflight, ++rt.inflight);
  res.once('close', () => rt.inflight--);
  if (rt.faults.latencyMs > 0) await rt.sleep(rt.faults.latencyMs);
  const method = req.method ?? 'GET';
  if (path === testbedPaths.login && method === 'POST') return handleLogin(rt, req, res);
  if (!rt.tokens.isValid(bearerOf(req))) return sendJson(res, 401, { error: 'token_expired' });
  if (path === testbedPaths.me && method === 'GET') return sendJson(res, 200, { name: `testbed:${rt.user}` });
  if (path.startsWith(itemsPrefix) && method === 'POST') {
    const kind = path.slice(itemsPrefix.length);
    if (KIND.test(kind)) return handleItems(rt, req, res, kind);
  }
  if (path === testbedPaths.inbound && method === 'GET') return handleInbound(rt, req, res, query);
  if (path === testbedPaths.inboundAck && method === 'POST') return handleInboundAck(rt, req, res);
  sendJson(res, 404, { error: 'not_found' });
}

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}
