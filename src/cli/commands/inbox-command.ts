import { type Command, Option } from 'commander';
import type { InboxEntry } from '../../store/inbox-store.js';
import { CliError } from '../cli-error.js';
import { formatTable } from '../format-table.js';
import { orgPath } from '../hub-path.js';
import { printJson, withJsonOption } from '../json-option.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { connectionNames } from '../sync/connection-names.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface OrgFlags extends StoreFlags, RemoteFlags {
  org: string;
  json?: boolean;
}
interface ListFlags extends OrgFlags {
  kind?: string;
  platform?: string;
  after?: number;
  limit: number;
}

/** A cursor: a whole number ≥ 0 (0 = from the very start). */
function parseCursor(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`"${value}" is not a cursor (a whole number, e.g. 1234)`);
  return n;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new CliError(`--limit ${value}: a whole number from 1 to 1000`);
  return n;
}

const PAYLOAD_CELL = 60;
const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);

function common(command: Command): Command {
  return withRemoteOptions(withStoreOptions(command.requiredOption('--org <id>', 'the organization')));
}

/** `zhkh-bridge inbox list|show|ack`: what platforms sent back, read by cursor, acknowledged up to one. */
export function registerInboxCommand(program: Command): void {
  const inbox = program
    .command('inbox')
    .description('What platforms sent back (readings, payments, заявки…): list, show one, acknowledge')
    .addHelpText(
      'after',
      `
Every item has a cursor (increasing). The billing reads from the last acknowledged cursor on,
processes, then acknowledges up to the last item it processed; the next read starts after it.
Works on the store directly or through a running hub (--url/--token, ZHKH_URL/ZHKH_TOKEN).`,
    );

  common(
    withJsonOption(
      inbox
        .command('list')
        .description('Items oldest first, from after the last acknowledged cursor (or --after)')
        .option('--kind <kind>', 'only this kind: reading, payment, …')
        .option('--platform <platform>', 'only what this platform sent: doma, uzhkh, …')
        .addOption(
          new Option(
            '--after <cursor>',
            'items after this cursor (0 = from the start, acknowledged too)',
          ).argParser(parseCursor),
        )
        .addOption(new Option('--limit <n>', 'how many, 1–1000').default(50).argParser(parseLimit)),
    ),
  )
    .addHelpText(
      'after',
      `
The table shortens each payload; \`inbox show <cursor>\` prints one whole, and --json prints the
page as the API answers it (every payload whole, with \`next\` and \`ackedThrough\`).

Examples:
  zhkh-bridge inbox list --org uk-sever
  zhkh-bridge inbox list --org uk-sever --kind payment --platform doma --after 0 --limit 100`,
    )
    .action((flags: ListFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const q = new URLSearchParams({ limit: String(flags.limit) });
        if (flags.after !== undefined) q.set('after', String(flags.after));
        if (flags.kind) q.set('kind', flags.kind);
        if (flags.platform) q.set('platform', flags.platform);
        const page = (await client.get(`${orgPath(flags.org, 'inbox')}?${q}`)).body as {
          items: InboxEntry[];
          ackedThrough: number;
          next: number | null;
        };
        if (flags.json) return printJson(page);
        if (page.items.length === 0) {
          console.log(
            `no inbox items${flags.after === undefined ? ` after the acknowledged cursor ${page.ackedThrough}` : ''}`,
          );
          return;
        }
        const names = await connectionNames({ client }, flags.org);
        console.log(
          formatTable(
            ['cursor', 'received (UTC)', 'platform', 'connection', 'kind', 'source id', 'payload'],
            page.items.map((i) => {
              const payload = JSON.stringify(i.payload);
              return [
                i.cursor,
                when(i.receivedAt),
                i.platform,
                names.get(i.connectionId) ?? i.connectionId,
                i.kind,
                i.sourceId,
                payload.length > PAYLOAD_CELL ? `${payload.slice(0, PAYLOAD_CELL - 1)}…` : payload,
              ];
            }),
          ),
        );
        const last = page.items.at(-1)!.cursor;
        console.log(
          `\nacknowledged through ${page.ackedThrough}; one whole: inbox show ${page.items[0]!.cursor}`,
        );
        if (page.next !== null) console.log(`more: --after ${page.next}`);
        console.log(`once processed: zhkh-bridge inbox ack ${last} --org ${flags.org}`);
      }),
    );

  common(withJsonOption(inbox.command('show <cursor>').description('One item with its whole payload')))
    .addHelpText('after', '\nExample:\n  zhkh-bridge inbox show 1234 --org uk-sever')
    .action((cursor: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const item = (await client.get(orgPath(flags.org, 'inbox', parseCursor(cursor)))).body as InboxEntry;
        if (flags.json) return printJson(item);
        const names = await connectionNames({ client }, flags.org);
        console.log(
          [
            `cursor      ${item.cursor}`,
            `received    ${when(item.receivedAt)} UTC`,
            `platform    ${item.platform}`,
            `connection  ${names.get(item.connectionId) ?? item.connectionId}`,
            `kind        ${item.kind}`,
            `source id   ${item.sourceId}`,
            'payload:',
            JSON.stringify(item.payload, null, 2),
          ].join('\n'),
        );
      }),
    );

  common(
    inbox
      .command('ack <cursor>')
      .description('Acknowledge every item up to and including this cursor (never moves back)'),
  )
    .addHelpText(
      'after',
      `
Acknowledges the whole inbox up to the cursor, whatever kind or platform a listing was filtered by.

Example:
  zhkh-bridge inbox ack 1234 --org uk-sever`,
    )
    .action((cursor: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const answer = await client.post(orgPath(flags.org, 'inbox', 'ack'), { cursor: parseCursor(cursor) });
        console.log(`acknowledged through ${answer.body.ackedThrough}`);
      }),
    );
}
