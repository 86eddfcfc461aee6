import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { TESTBED_INBOUND_DEFAULT_LIMIT, TESTBED_INBOUND_MAX_LIMIT } from '../contract/testbed-paths.js';
import { inflictFault } from './inflict-fault.js';
import { rollFault } from './roll-fault.js';
import type { TestbedRuntime } from './testbed-runtime.js';

/** `GET /api/inbound?limit=N`: the oldest waiting records; reading does not remove them. */
export function handleInbound(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): void {
  const raw = query.get('limit');
  const limit = raw === null ? TESTBED_INBOUND_DEFAULT_LIMIT : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > TESTBED_INBOUND_MAX_LIMIT) {
    sendJson(res, 400, { error: 'bad_request', message: `limit must be 1..${TESTBED_INBOUND_MAX_LIMIT}` });
    return;
  }
  const fault = rollFault(rt.faults, rt.random);
  // Reading changes nothing, so a lost answer here is the same as a reset.
  if (fault !== undefined) inflictFault(rt, req, res, fault);
  else sendJson(res, 200, rt.inbound.page(limit));
}
