import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../sandbox-kit/read-body.js';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { InboundAckRequest } from '../contract/inbound-ack.js';
import { inflictFault } from './inflict-fault.js';
import { parseJson } from './parse-json.js';
import { rollFault } from './roll-fault.js';
import type { TestbedRuntime } from './testbed-runtime.js';

/** `POST /api/inbound/ack`: removes records; some may come back later when redelivery is on. */
export async function handleInboundAck(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req, rt.faults.maxBodyBytes);
  if (body === undefined) {
    rt.stats.faults.tooLarge++;
    return sendJson(res, 413, { error: 'too_large' });
  }
  const fault = rollFault(rt.faults, rt.random);
  if (fault !== undefined && fault !== 'lostAnswer') return inflictFault(rt, req, res, fault);
  const parsed = InboundAckRequest.safeParse(parseJson(body));
  if (!parsed.success) return sendJson(res, 400, { error: 'bad_request', message: 'expected {ids: [...]}' });
  const rate = rt.faults.duplicateInboundRate;
  const { acked, redelivered } = rt.inbound.ack(parsed.data.ids, () => rate > 0 && rt.random() < rate);
  rt.stats.faults.duplicateInbound += redelivered;
  // A lost answer after the ack is the case that makes acknowledgements need to be idempotent.
  if (fault === 'lostAnswer') return inflictFault(rt, req, res, fault);
  sendJson(res, 200, { acked });
}
