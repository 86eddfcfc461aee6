import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../sandbox-kit/send-json.js';
import type { FaultKind } from './roll-fault.js';
import type { TestbedRuntime } from './testbed-runtime.js';

/**
 * Acts out a fault instead of answering. Callers apply their work before `lostAnswer` and skip it for
 * the others, which all happen before anything changes.
 */
export function inflictFault(
  rt: TestbedRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  fault: FaultKind,
): void {
  rt.stats.faults[fault]++;
  switch (fault) {
    case 'rateLimited': {
      const resetMs = rt.faults.rateLimitResetMs;
      sendJson(
        res,
        429,
        { error: 'rate_limited' },
        {
          'retry-after': String(Math.ceil(resetMs / 1000)),
          'x-rate-limit-complexity-reset': String(Math.ceil((Date.now() + resetMs) / 1000)),
        },
      );
      return;
    }
    case 'error':
      sendJson(res, 500, { error: 'internal', message: 'injected failure' });
      return;
    case 'timeout':
      rt.later(rt.faults.hangMs, () => req.socket.destroy());
      return;
    case 'reset':
    case 'lostAnswer':
      req.socket.destroy();
      return;
  }
}
