import { type Command, Option } from 'commander';
import type { RecordErrorRow } from '../../store/record-error-store.js';
import { formatTable } from '../format-table.js';
import { orgPath } from '../hub-path.js';
import { printJson, withJsonOption } from '../json-option.js';
import { parsePositiveInt } from '../parse-positive-int.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { connectionNames } from '../sync/connection-names.js';
import { type ResendFlags, resendAndReport } from '../sync/resend-and-report.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface ListFlags extends StoreFlags, RemoteFlags {
  org: string;
  connection?: string;
  kind?: string;
  state?: 'open' | 'resolved';
  after?: number;
  limit: number;
  json?: boolean;
}

/** `zhkh-bridge errors list|retry`: records a platform refused, and sending them again. */
export function registerErrorsCommand(program: Command): void {
  const errors = program
    .command('errors')
    .description(
      'Records a platform refused: list them, and retry them after fixing the data or the platform',
    );

  withRemoteOptions(
    withStoreOptions(
      withJsonOption(errors.command('list'))
        .description("Refused records, oldest first, with the platform's reason")
        .requiredOption('--org <id>', 'the organization')
        .option('--connection <idOrName>', 'only this connection')
        .option('--kind <kind>', 'only this kind (service, account, …)')
        .addOption(
          new Option('--state <state>', 'open (default) or resolved')
            .choices(['open', 'resolved'])
            .default('open'),
        )
        .addOption(
          new Option('--after <id>', 'errors after this id (the next page)').argParser(parsePositiveInt),
        )
        .addOption(new Option('--limit <n>', 'how many').default(100).argParser(parsePositiveInt)),
    ),
  )
    .addHelpText(
      'after',
      `
An error stays open until the record lands: fix the record in the billing and send it again (the
next sync picks it up), or fix the platform's side and run \`zhkh-bridge errors retry\`.

Examples:
  zhkh-bridge errors list --org uk-sever
  zhkh-bridge errors list --org uk-sever --connection doma-main --kind account --state resolved`,
    )
    .action((flags: ListFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const q = new URLSearchParams({ limit: String(flags.limit) });
        if (flags.connection) q.set('connection', flags.connection);
        if (flags.kind) q.set('kind', flags.kind);
        if (flags.state) q.set('state', flags.state);
        if (flags.after) q.set('after', String(flags.after));
        const page = (await client.get(`${orgPath(flags.org, 'record-errors')}?${q}`)).body;
        if (flags.json) return printJson(page);
        const items = page.items as RecordErrorRow[];
        if (items.length === 0) {
          console.log(`no ${flags.state ?? ''} record errors`.replace('  ', ' '));
          return;
        }
        const names = await connectionNames({ client }, flags.org);
        console.log(
          formatTable(
            ['id', 'connection', 'kind', 'key', 'code', 'attempts', 'state', 'last seen (UTC)', 'message'],
            items.map((e) => [
              e.id,
              names.get(e.connectionId) ?? e.connectionId,
              e.kind,
              e.key,
              e.code,
              e.attempts,
              e.state,
              e.lastSeen.replace('T', ' ').slice(0, 19),
              e.message,
            ]),
            { wrap: 8 },
          ),
        );
        if (page.next !== null) console.log(`\nmore: --after ${page.next}`);
      }),
    );

  withRemoteOptions(
    withStoreOptions(
      errors
        .command('retry')
        .description(
          "Send every record with an open error (refused or dead-lettered) again, now (after fixing the platform's side)",
        )
        .requiredOption('--org <id>', 'the organization')
        .requiredOption('--connection <idOrName>', 'the connection')
        .option('--kind <kind>', 'only this kind'),
    ),
  )
    .addHelpText(
      'after',
      `
Every record with an open error is sent again — refused by the platform or dead-lettered after the
retries ran out — and the command says how many of each error code it re-queued. The run is an
outbound sync of the connection (records changed meanwhile go too), reported like \`sync\` (exit 0
succeeded, 2 partial, 1 failed).

Examples:
  zhkh-bridge errors retry --org uk-sever --connection doma-main
  zhkh-bridge errors retry --org uk-sever --connection doma-main --kind account`,
    )
    .action((flags: ResendFlags, command: Command) => resendAndReport(flags, command, true));
}
