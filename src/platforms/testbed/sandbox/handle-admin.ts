import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody } from '../../sandbox-kit/read-body.js';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { mergeFaults } from './merge-faults.js';
import { parseJson } from './parse-json.js';
import { TestbedFaults } from './testbed-faults.js';
import type { TestbedRuntime } from './testbed-runtime.js';
import { testbedState } from './testbed-state.js';

const FaultsPatch = TestbedFaults.partial();
const InboundBody = z.object({ items: z.array(z.object({ kind: z.string().min(1), payload: z.unknown() })) });
/** Seeding the inbound queue for a benchmark may take a large body; the admin routes are not the platform. */
const ADMIN_BODY_BYTES = 256 * 1024 * 1024;

/**
 * `/_sandbox/*`: control of the emulator from another process (the benchmark, a manual session).
 * Not part of the platform's API, so no auth, no latency and no faults.
 */
export async function handleAdmin(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  if (route === 'GET /_sandbox/state') return sendJson(res, 200, testbedState(rt));
  if (route === 'POST /_sandbox/reset') {
    rt.reset();
    return sendJson(res, 200, testbedState(rt));
  }
  if (route !== 'POST /_sandbox/faults' && route !== 'POST /_sandbox/inbound') {
    return sendJson(res, 404, { error: 'not_found' });
  }
  const body = await readBody(req, ADMIN_BODY_BYTES);
  const json = body === undefined ? undefined : parseJson(body);
  if (route === 'POST /_sandbox/faults') {
    const patch = FaultsPatch.safeParse(json);
    if (!patch.success) return sendJson(res, 400, { error: 'bad_request', message: patch.error.message });
    rt.faults = mergeFaults(rt.faults, patch.data);
    return sendJson(res, 200, rt.faults);
  }
  const inbound = InboundBody.safeParse(json);
  if (!inbound.success) return sendJson(res, 400, { error: 'bad_request', message: inbound.error.message });
  sendJson(res, 200, { ids: rt.inbound.add(inbound.data.items) });
}
