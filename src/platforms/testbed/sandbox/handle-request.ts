import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { handleAdmin } from './handle-admin.js';
import { handleApi } from './handle-api.js';
import type { TestbedRuntime } from './testbed-runtime.js';

/** Splits the URL by hand (no URL object on the hot path) and picks the API or the admin routes. */
export async function handleRequest(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  try {
    if (path.startsWith('/api/')) {
      return await handleApi(rt, req, res, path, new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1)));
    }
    if (path.startsWith('/_sandbox/')) return await handleAdmin(rt, req, res, path);
    sendJson(res, 404, { error: 'not_found' });
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    sendJson(res, 500, {
      error: 'internal',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
