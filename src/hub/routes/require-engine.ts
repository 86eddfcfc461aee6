import type { SyncEngine } from '../../engine/sync-engine.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';

/** The engine, or 503: a hub built without one still serves the store but cannot sync. */
export function requireEngine(ctx: HubContext): SyncEngine {
  if (!ctx.engine) {
    throw new HttpError(
      503,
      'engine_unavailable',
      'this hub runs without the sync engine; start it with `serve`',
    );
  }
  return ctx.engine;
}
