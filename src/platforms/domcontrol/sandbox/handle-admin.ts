import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../sandbox-kit/read-body.js';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { DOMCONTROL_IMPORT_ORDER, type DomcontrolImport } from '../contract/domcontrol-paths.js';
import { DomcontrolFaults, mergeDomcontrolFaults } from './domcontrol-faults.js';
import type { DomcontrolRuntime } from './domcontrol-runtime.js';
import { parseBody } from './parse-body.js';

const FaultsPatch = DomcontrolFaults.partial();
const ADMIN_BODY_BYTES = 1024 * 1024;

/** What `GET /_sandbox/state` answers: counts per directory, counters and faults. */
export function domcontrolState(rt: DomcontrolRuntime) {
  return { auth: rt.auth.mode, directories: rt.dirs.counts(), stats: rt.stats, faults: rt.faults };
}

/**
 * `/_sandbox/*`: inspection and control of the emulator (no auth, no faults — not the platform):
 * `GET state`, `GET directories/<import>` (the stored items), `POST faults` (a partial patch),
 * `POST reset`.
 */
export async function handleAdmin(
  rt: DomcontrolRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  if (route === 'GET /_sandbox/state') return sendJson(res, 200, domcontrolState(rt));
  if (route === 'POST /_sandbox/reset') {
    rt.reset();
    return sendJson(res, 200, domcontrolState(rt));
  }
  const directory = /^GET \/_sandbox\/directories\/(\w+)$/.exec(route)?.[1];
  if (directory !== undefined && (DOMCONTROL_IMPORT_ORDER as readonly string[]).includes(directory)) {
    return sendJson(res, 200, { items: [...rt.dirs.map(directory as DomcontrolImport).values()] });
  }
  if (route !== 'POST /_sandbox/faults') return sendJson(res, 404, { error: 'not_found' });
  const body = await readBody(req, ADMIN_BODY_BYTES);
  const parsed = body === undefined ? undefined : parseBody(body);
  const patch = FaultsPatch.safeParse(parsed?.ok ? parsed.json : undefined);
  if (!patch.success) return sendJson(res, 400, { error: 'bad_request', message: patch.error.message });
  rt.faults = mergeDomcontrolFaults(rt.faults, patch.data);
  sendJson(res, 200, rt.faults);
}
