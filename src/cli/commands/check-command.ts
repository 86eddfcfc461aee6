import type { Command } from 'commander';
import { checkAndReport } from '../connections/check-and-report.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface CheckFlags extends StoreFlags, RemoteFlags {
  org: string;
  connection: string;
}

/** `zhkh-bridge check`: are a connection's settings valid, the platform reachable, the credentials accepted? */
export function registerCheckCommand(program: Command): void {
  withRemoteOptions(
    withStoreOptions(
      program
        .command('check')
        .description('Check a connection: settings valid, platform reachable, credentials accepted')
        .requiredOption('--org <id>', 'the organization')
        .requiredOption('--connection <idOrName>', 'the connection'),
    ),
  )
    .addHelpText(
      'after',
      `
Makes one cheap authenticated call to the platform; nothing is sent or changed. Exits 0 when the
check passes and 1 when it does not (the reason and its code are printed: auth_rejected, network…).
The same as \`zhkh-bridge connections check\`.

Examples:
  zhkh-bridge check --org uk-sever --connection doma-main
  ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=... zhkh-bridge check --org uk-sever --connection doma-main`,
    )
    .action((flags: CheckFlags, command: Command) =>
      withHubClient(flags, command, (client) => checkAndReport(client, flags.org, flags.connection)),
    );
}
