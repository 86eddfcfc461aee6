import { type Command, Option } from 'commander';
import { normalizeKinds } from '../../hub/routes/normalize-kinds.js';
import { CliError } from '../cli-error.js';
import { HubClient } from '../hub-client.js';
import { remoteHubOf } from '../remote-hub-of.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { connectionNames } from '../sync/connection-names.js';
import { executeInlineRuns } from '../sync/execute-inline-runs.js';
import { followRemoteRuns } from '../sync/follow-remote-runs.js';
import { reportRuns } from '../sync/report-runs.js';
import type { RunLike } from '../sync/run-like.js';
import { withInlineEngine } from '../sync/with-inline-engine.js';
import type { StoreFlags } from '../with-store.js';

interface SyncFlags extends StoreFlags, RemoteFlags {
  org: string;
  connection?: string;
  platform?: string;
  kind?: string[];
  direction: 'outbound' | 'inbound' | 'both';
}

const EXAMPLES = `
Only records that changed since the platform last confirmed them are sent, so running sync again
right away sends nothing. Without --url the runs execute in this process on the store; while
\`serve\` holds the embedded store, go through its API with --url and --token (the hub's workers
execute the runs and this command follows them).

Examples:
  zhkh-bridge sync --org uk-sever
  zhkh-bridge sync --org uk-sever --connection doma-main --kind accounts --kind receipts
  zhkh-bridge sync --org uk-sever --platform is74 --direction inbound
  ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=... zhkh-bridge sync --org uk-sever

Exit codes:
  0  every run succeeded
  2  a run finished partially: some records were refused (see \`zhkh-bridge errors list\`)
  1  a run failed or was cancelled, or no enabled connection matched`;

/** `zhkh-bridge sync`: run the sync of an organisation's connections now and wait for the result. */
export function registerSyncCommand(program: Command): void {
  withRemoteOptions(
    withStoreOptions(
      program
        .command('sync')
        .description(
          "Sync an organization's enabled connections now, with a progress bar, and wait for the result",
        )
        .requiredOption('--org <id>', 'the organization')
        .option('--connection <idOrName>', 'only this connection')
        .option('--platform <platform>', 'only connections to this platform (testbed, …)')
        .option(
          '--kind <kind...>',
          'only these kinds (service or services; inbound stream names); repeatable',
        )
        .addOption(
          new Option('--direction <direction>', 'outbound: send, inbound: bring back, both')
            .choices(['outbound', 'inbound', 'both'])
            .default('both'),
        ),
    ),
  )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: SyncFlags, command: Command) => {
      const hub = remoteHubOf(flags, command);
      if (hub) {
        const client = new HubClient(hub);
        const org = encodeURIComponent(flags.org);
        const started = await client.post(`/v1/orgs/${org}/sync`, {
          connection: flags.connection,
          platform: flags.platform,
          kinds: flags.kind,
          direction: flags.direction,
        });
        const runs = await followRemoteRuns(client, flags.org, started.body.runs as RunLike[]);
        reportRuns(runs, await connectionNames({ client }, flags.org));
        return;
      }
      await withInlineEngine(flags, flags.org, async (engine, { store, box }) => {
        let kinds: string[] | undefined;
        if (flags.kind) {
          const n = normalizeKinds(engine.ctx.connectors, flags.kind);
          if (!n.ok)
            throw new CliError(`no platform syncs ${n.unknown.join(', ')} (known: ${n.known.join(', ')})`);
          kinds = n.kinds;
        }
        const queued = await engine.trigger(flags.org, {
          connectionId: flags.connection,
          platform: flags.platform,
          kinds,
          direction: flags.direction,
          trigger: 'cli',
        });
        if (queued.length === 0) {
          const asked = [
            flags.connection && `connection "${flags.connection}"`,
            flags.platform && `platform "${flags.platform}"`,
          ].filter(Boolean);
          throw new CliError(
            `organization "${flags.org}" has no enabled connection${asked.length ? ` matching ${asked.join(' and ')}` : ''}`,
          );
        }
        const runs = await executeInlineRuns(engine, flags.org, queued);
        reportRuns(runs, await connectionNames({ db: store.db, box }, flags.org));
      });
    });
}
