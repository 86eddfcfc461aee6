import type { FastifyInstance } from 'fastify';
import { listConnections } from '../../store/connection-store.js';
import { safeError } from '../../store/safe-error.js';
import type { HubContext } from '../hub-context.js';

/** What an is74 callback depends on: a write to one of these kinds may change what the core sees. */
const WATCHED = new Set(['contracts', 'balances', 'receipts', 'tariffs']);
const WRITE = /^\/v1\/orgs\/([^/]+)\/([a-z-]+)(?:\/delete|\/.+)?$/;
export const IS74_CHANGE_WINDOW_MS = 1000;

/**
 * Sync on change for is74: the core learns of changes only through callbacks, so a billing write
 * that changed a record a contract or a user's charges depend on starts a run of the organisation's is74
 * connections. Writes within one window (`IS74_CHANGE_WINDOW_MS` after the first) share one run,
 * so a bulk update of a user's contracts makes one callback. A connection opts out with
 * `settings.syncOnChange: false`. The run is queued after the write's response, hence after its
 * commit; several hub processes each trigger their own runs, which the engine serialises per
 * connection and which send only what changed.
 */
export function registerIs74ChangeSync(app: FastifyInstance, ctx: HubContext): void {
  const pending = new Map<string, NodeJS.Timeout>();
  // onSend: the handler has committed, and the answer tells whether anything changed (a re-sent
  // unchanged export answers created 0, updated 0 and starts nothing).
  app.addHook('onSend', async (req, reply, payload) => {
    if (!ctx.engine || reply.statusCode !== 200 || (req.method !== 'POST' && req.method !== 'DELETE'))
      return payload;
    const m = WRITE.exec(req.url.split('?')[0] ?? '');
    const org = m?.[1] && decodeURIComponent(m[1]);
    if (!org || !WATCHED.has(m[2]!) || pending.has(org) || !changedSomething(payload)) return payload;
    const timer = setTimeout(() => {
      pending.delete(org);
      void fire(ctx, org);
    }, IS74_CHANGE_WINDOW_MS);
    timer.unref();
    pending.set(org, timer);
    return payload;
  });
  app.addHook('onClose', async () => {
    for (const t of pending.values()) clearTimeout(t);
    pending.clear();
  });
}

/** A bulk answer with something created or updated, or a delete answer that deleted something. */
function changedSomething(payload: unknown): boolean {
  if (typeof payload !== 'string') return false;
  return /"(created|updated)":[1-9]/.test(payload) || /"deleted":\["/.test(payload);
}

async function fire(ctx: HubContext, orgId: string): Promise<void> {
  try {
    const all = await listConnections(ctx.store.db, ctx.box, orgId);
    for (const c of all) {
      if (c.platform !== 'is74' || !c.enabled || c.settings.syncOnChange === false) continue;
      await ctx.engine?.trigger(orgId, { connectionId: c.id, direction: 'outbound', trigger: 'change' });
    }
  } catch (err) {
    ctx.engine?.ctx.log?.error({ err: safeError(err) }, 'is74 change sync failed');
  }
}
