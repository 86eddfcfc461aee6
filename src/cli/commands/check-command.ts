import type { Command } from 'commander';
import type { CheckOutcome } from '../../engine/run/check-connection.js';
import { findConnection } from '../../hub/routes/find-connection.js';
import { CliError } from '../cli-error.js';
import { HubClient } from '../hub-client.js';
import { remoteHubOf } from '../remote-hub-of.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { withInlineEngine } from '../sync/with-inline-engine.js';
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

Examples:
  zhkh-bridge check --org uk-sever --connection doma-main
  ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=... zhkh-bridge check --org uk-sever --connection doma-main`,
    )
    .action(async (flags: CheckFlags, command: Command) => {
      const hub = remoteHubOf(flags, command);
      let outcome: CheckOutcome;
      let name = flags.connection;
      if (hub) {
        const path = `/v1/orgs/${encodeURIComponent(flags.org)}/connections/${encodeURIComponent(flags.connection)}/check`;
        outcome = (await new HubClient(hub).post(path)).body;
      } else {
        outcome = await withInlineEngine(flags, flags.org, async (engine, { store, box }) => {
          const conn = await findConnection(store.db, box, flags.org, flags.connection);
          if (!conn)
            throw new CliError(`organization "${flags.org}" has no connection "${flags.connection}"`);
          name = conn.name;
          return (await engine.check(flags.org, conn.id))!;
        });
      }
      if (outcome.ok) {
        console.log(`ok: ${outcome.platform}/${name}${outcome.detail ? ` — ${outcome.detail}` : ''}`);
      } else {
        console.log(
          `not ok: ${outcome.platform}/${name} — ${outcome.code ?? 'error'}: ${outcome.error ?? 'unknown'}`,
        );
        process.exitCode = 1;
      }
    });
}
