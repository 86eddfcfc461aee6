import { ConnectionBusyError } from '../../engine/run/execute-run.js';
import type { SyncEngine } from '../../engine/sync-engine.js';
import type { Operation } from '../../store/operation-store.js';
import { RunProgress } from './run-progress.js';

/**
 * Executes queued runs one after another in this process, with a progress bar each. Ctrl-C asks
 * the running run to stop after the batch in flight (a second Ctrl-C quits at once). A run whose
 * connection another process is syncing right now is cancelled rather than left queued: nothing
 * else would ever pick it up, since inline runs are not in the job queue.
 */
export async function executeInlineRuns(
  engine: SyncEngine,
  org: string,
  runs: readonly Operation[],
): Promise<Operation[]> {
  const done: Operation[] = [];
  for (const run of runs) {
    const progress = new RunProgress(`run ${run.id} ${run.platform}`);
    const onSignal = () => {
      process.stderr.write(
        `\ncancelling run ${run.id} after the batch in flight (Ctrl-C again to quit at once)\n`,
      );
      void engine.cancel(org, run.id);
    };
    process.once('SIGINT', onSignal);
    try {
      done.push(await engine.execute(run.id, (r) => progress.show(r)));
    } catch (err) {
      if (!(err instanceof ConnectionBusyError)) throw err;
      const cancelled = await engine.cancel(org, run.id);
      done.push({ ...(cancelled ?? run), state: 'cancelled', lastError: `${err.message}; try again later` });
    } finally {
      process.off('SIGINT', onSignal);
      progress.stop();
    }
  }
  return done;
}
