import type { Command } from 'commander';
import { DEFAULT_RETENTION, parseRetention } from '../../engine/retention/retention-period.js';
import { type PruneCounts, pruneHistory } from '../../store/prune-store.js';
import { CliError } from '../cli-error.js';
import { HubClient } from '../hub-client.js';
import { remoteHubOf } from '../remote-hub-of.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { type StoreFlags, withStore } from '../with-store.js';

interface PruneFlags extends StoreFlags, RemoteFlags {
  olderThan: string;
  dryRun?: boolean;
}

const HELP = `
Removes finished sync runs with their batches and pages, checks and callbacks, inbox items the
billing acknowledged, and resolved record errors — everything that finished before the period.
Records, what was delivered to each platform, the id map, checkpoints, open errors and inbox items
not yet acknowledged are never touched, nor is any run still going. A connection's last success
and its run counts (metrics) are kept apart and survive.

\`serve\` does this every night at 03:17 UTC with ZHKH_RETENTION (default ${DEFAULT_RETENTION}; off = never).

Examples:
  zhkh-bridge prune --dry-run                       # what 90 days would remove, nothing removed
  zhkh-bridge prune --older-than 30d
  ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=<admin token> zhkh-bridge prune --dry-run`;

/** `zhkh-bridge prune`: old history out of the store, with counts. */
export function registerPruneCommand(program: Command): void {
  withRemoteOptions(
    withStoreOptions(
      program
        .command('prune')
        .description('Remove old runs, operations and acknowledged inbox items (what serve does nightly)')
        .option('--older-than <period>', 'keep this much history: 90d, 12w, 36h, 30m', DEFAULT_RETENTION)
        .option('--dry-run', 'count what would be removed, remove nothing'),
    ),
  )
    .addHelpText('after', HELP)
    .action(async (flags: PruneFlags, command: Command) => {
      let ms: number | undefined;
      try {
        ms = parseRetention(flags.olderThan, '--older-than');
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      if (ms === undefined) throw new CliError('--older-than: give a period, e.g. 90d');
      const dryRun = flags.dryRun === true;
      const hub = remoteHubOf(flags, command);
      let result: PruneCounts & { before: string };
      if (hub) {
        result = (await new HubClient(hub).post('/v1/prune', { olderThan: flags.olderThan, dryRun })).body;
      } else {
        const before = new Date(Date.now() - ms);
        const counts = await withStore(flags, ({ store }) => pruneHistory(store.db, before, { dryRun }));
        result = { before: before.toISOString(), ...counts };
      }
      console.log(pruneSummary(result, dryRun));
    });
}

/** "removed 12 runs, 340 operations, 5000 inbox items, 3 record errors finished before …". */
export function pruneSummary(r: PruneCounts & { before: string }, dryRun: boolean): string {
  const what = `${r.runs} runs, ${r.operations} operations, ${r.inbox} inbox items, ${r.recordErrors} resolved record errors`;
  return `${dryRun ? 'would remove' : 'removed'} ${what} from before ${r.before.replace('T', ' ').slice(0, 19)} UTC${dryRun ? ' (dry run: nothing removed)' : ''}`;
}
