import { setTimeout as sleep } from 'node:timers/promises';
import type { HubClient } from '../hub-client.js';
import { isFinal, type RunLike } from './run-like.js';
import { RunProgress } from './run-progress.js';

const POLL_MS = 500;
/** A run queued this long probably has no worker to take it: say so instead of waiting silently. */
const QUEUED_HINT_MS = 15_000;

/**
 * Follows runs a hub is executing until each is final, with a progress bar per run. The runs go on
 * on the hub whatever happens here: Ctrl-C only stops watching.
 */
export async function followRemoteRuns(
  client: HubClient,
  org: string,
  runs: readonly RunLike[],
  opts: { pollMs?: number } = {},
): Promise<RunLike[]> {
  const done: RunLike[] = [];
  for (const first of runs) {
    const progress = new RunProgress(`run ${first.id} ${first.platform}`);
    try {
      let run = first;
      const since = Date.now();
      let hinted = false;
      for (;;) {
        progress.show(run);
        if (isFinal(run)) break;
        if (run.state === 'queued' && !hinted && Date.now() - since > QUEUED_HINT_MS) {
          hinted = true;
          process.stderr.write(
            `run ${run.id} is still queued: another run of the connection may be going on, or no worker is running (serve --workers, zhkh-bridge worker)\n`,
          );
        }
        await sleep(opts.pollMs ?? POLL_MS);
        run = (await client.get(`/v1/orgs/${encodeURIComponent(org)}/runs/${run.id}`)).body as RunLike;
      }
      done.push(run);
    } finally {
      progress.stop();
    }
  }
  return done;
}
