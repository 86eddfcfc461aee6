import { pino } from 'pino';
import { SyncEngine } from '../../engine/sync-engine.js';
import { LOG_REDACT } from '../../hub/build-hub.js';
import { builtinConnectors } from '../../platforms/builtin-connectors.js';
import { getOrg } from '../../store/org-store.js';
import { CliError } from '../cli-error.js';
import { type OpenedStore, type StoreFlags, withStore } from '../with-store.js';

/**
 * Runs `fn` with an engine working directly on the store (no job queue: runs execute in this
 * process), after checking the organisation exists. The engine is stopped and the store closed
 * whatever happens. Engine warnings go to stderr, so stdout keeps only the summaries.
 */
export function withInlineEngine<T>(
  flags: StoreFlags,
  org: string,
  fn: (engine: SyncEngine, opened: OpenedStore) => Promise<T>,
): Promise<T> {
  return withStore(flags, async (opened) => {
    if (!(await getOrg(opened.store.db, org))) throw new CliError(`organization "${org}" does not exist`);
    const log = pino({ level: process.env.LOG_LEVEL ?? 'warn', redact: LOG_REDACT }, pino.destination(2));
    const engine = await SyncEngine.start({
      store: opened.store,
      box: opened.box,
      connectors: builtinConnectors(),
      log,
      mode: 'inline',
    });
    try {
      return await fn(engine, opened);
    } finally {
      await engine.stop();
    }
  });
}
