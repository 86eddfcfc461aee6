import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../sandbox-kit/read-body.js';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { inflictFault } from './inflict-fault.js';
import { parseJson } from './parse-json.js';
import { readItemWrites } from './read-item-writes.js';
import { rollFault } from './roll-fault.js';
import type { TestbedRuntime } from './testbed-runtime.js';

/** `POST /api/items/:kind`: all-or-nothing limits, then per-item upserts and deletes in input order. */
export async function handleItems(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  kind: string,
): Promise<void> {
  rt.stats.writeRequests++;
  const body = await readBody(req, rt.faults.maxBodyBytes);
  if (body === undefined) return tooLarge(rt, res, `body over ${rt.faults.maxBodyBytes} bytes`);
  const fault = rollFault(rt.faults, rt.random);
  if (fault !== undefined && fault !== 'lostAnswer') return inflictFault(rt, req, res, fault);
  const writes = readItemWrites(parseJson(body));
  if (writes === undefined) {
    return sendJson(res, 400, { error: 'bad_request', message: 'expected {items: [{key, op, payload}]}' });
  }
  if (writes.length > rt.faults.maxItems) return tooLarge(rt, res, `over ${rt.faults.maxItems} items`);
  const { results, applied, rejected } = rt.items.apply(kind, writes);
  rt.stats.itemsApplied += applied;
  rt.stats.itemsRejected += rejected;
  if (fault === 'lostAnswer') return inflictFault(rt, req, res, fault);
  sendJson(res, 200, { results });
}

function tooLarge(rt: TestbedRuntime, res: ServerResponse, message: string): void {
  rt.stats.faults.tooLarge++;
  sendJson(res, 413, { error: 'too_large', message });
}
