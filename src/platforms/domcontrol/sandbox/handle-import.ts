import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../sandbox-kit/read-body.js';
import { sendJson } from '../../sandbox-kit/send-json.js';
import { DOMCONTROL_IMPORTED, type DomcontrolImport } from '../contract/domcontrol-paths.js';
import { checkImport } from './check-import.js';
import { storageKey } from './domcontrol-directories.js';
import type { DomcontrolRuntime } from './domcontrol-runtime.js';
import { isAuthorized } from './is-authorized.js';
import { parseBody } from './parse-body.js';

/**
 * One import call (seed 002 §1–§6): auth, injected faults, then the whole body is checked and
 * either stored entirely (201) or refused entirely (400 naming the item and the reason).
 */
export async function handleImport(
  rt: DomcontrolRuntime,
  name: DomcontrolImport,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  rt.stats.calls[name]++;
  if (!isAuthorized(rt.auth, req.headers.authorization)) {
    rt.stats.unauthorized++;
    return sendJson(res, 401, { error: 'unauthorized', message: 'missing or wrong credentials' });
  }
  const { faults } = rt;
  if (faults.latencyMs > 0) await rt.sleep(faults.latencyMs);
  const body = await readBody(req, faults.maxBodyBytes);
  if (faults.outage) {
    rt.stats.faults.outage++;
    return sendJson(res, 500, { error: 'internal', message: 'the service is unavailable' });
  }
  if (faults.failNext.count > 0) {
    faults.failNext = { ...faults.failNext, count: faults.failNext.count - 1 };
    rt.stats.faults.failNext++;
    const retryAfter = faults.failNext.status === 429 ? { 'retry-after': '0' } : undefined;
    return sendJson(
      res,
      faults.failNext.status,
      { error: 'injected', message: 'injected failure' },
      retryAfter,
    );
  }
  const roll = rt.random();
  if (roll < faults.rateLimitRate) {
    rt.stats.faults.rateLimited++;
    const retryAfter = String(Math.ceil(faults.rateLimitResetMs / 1000));
    return sendJson(
      res,
      429,
      { error: 'rate_limited', message: 'too many requests' },
      { 'retry-after': retryAfter },
    );
  }
  if (roll < faults.rateLimitRate + faults.errorRate) {
    rt.stats.faults.error++;
    return sendJson(res, 500, { error: 'internal', message: 'injected failure' });
  }
  if (body === undefined) {
    rt.stats.faults.tooLarge++;
    return sendJson(res, 413, {
      error: 'too_large',
      message: `the body is over ${faults.maxBodyBytes} bytes`,
    });
  }
  const parsed = parseBody(body);
  const check = parsed.ok ? checkImport(name, parsed.json, rt.dirs) : parsed;
  if (!check.ok) {
    rt.stats.refused++;
    return sendJson(res, 400, check.failure);
  }
  const crash = check.items.find((item) => faults.crashOn.includes(identifyingId(name, item)));
  if (crash) {
    rt.stats.faults.crashed++;
    return sendJson(res, 500, {
      error: 'internal',
      message: `import failed on ${identifyingId(name, crash)}: Object reference not set to an instance of an object`,
    });
  }
  const map = rt.dirs.map(name);
  for (const item of check.items) map.set(storageKey(name, item), item);
  rt.stats.imported[name] += check.items.length;
  sendJson(res, DOMCONTROL_IMPORTED, { imported: check.items.length });
}

/** What `crashOn` names an item by: its id, or for id-less imports the reference that identifies it. */
function identifyingId(name: DomcontrolImport, item: Record<string, unknown>): string {
  if (name === 'readings') return String(item.counter);
  if (name === 'balances' || name === 'transactions') return String(item.account);
  return String(item.id);
}
