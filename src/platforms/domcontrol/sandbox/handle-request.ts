import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../sandbox-kit/send-json.js';
import {
  DOMCONTROL_IMPORT_ORDER,
  type DomcontrolImport,
  domcontrolImports,
} from '../contract/domcontrol-paths.js';
import type { DomcontrolRuntime } from './domcontrol-runtime.js';
import { handleAdmin } from './handle-admin.js';
import { handleImport } from './handle-import.js';

const IMPORT_BY_PATH = new Map<string, DomcontrolImport>(
  DOMCONTROL_IMPORT_ORDER.map((name) => [domcontrolImports[name].path, name]),
);

/** Routes a request: the six import paths (POST only), the admin routes, 404 for anything else. */
export async function handleRequest(
  rt: DomcontrolRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  try {
    const name = IMPORT_BY_PATH.get(path);
    if (name !== undefined) {
      rt.stats.requests++;
      if (req.method !== 'POST')
        return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'POST' });
      return await handleImport(rt, name, req, res);
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
