import type { Command } from 'commander';
import { issuesToErrors } from '../../domain/issues-to-errors.js';
import { Organization } from '../../domain/model/organization.js';
import { CliError } from '../cli-error.js';
import { formatTable } from '../format-table.js';
import { orgPath } from '../hub-path.js';
import { printJson, withJsonOption } from '../json-option.js';
import { readJsonFile } from '../read-json-file.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface CreateFlags extends StoreFlags {
  file?: string;
  id?: string;
  name?: string;
  inn?: string;
  kpp?: string;
  bik?: string;
  account?: string;
  corrAccount?: string;
  bankName?: string;
}

/** Builds an Organization from a JSON file or from flags, with every field error named. */
export function organizationFromFlags(flags: CreateFlags): Organization {
  let input: Record<string, unknown>;
  if (flags.file) {
    input = readJsonFile(flags.file);
  } else {
    input = { id: flags.id, name: flags.name, inn: flags.inn, kpp: flags.kpp, bankAccounts: [] };
    if (flags.bik || flags.account) {
      input.bankAccounts = [
        { bik: flags.bik, account: flags.account, corrAccount: flags.corrAccount, bankName: flags.bankName },
      ];
    }
  }
  const parsed = Organization.safeParse(JSON.parse(JSON.stringify(input)));
  if (!parsed.success) {
    const lines = issuesToErrors(parsed.error.issues).map(
      (e) => `  ${e.path || '(record)'}: ${e.message} [${e.code}]`,
    );
    throw new CliError(`organization is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

interface OrgView {
  id: string;
  name: string;
  data: Organization;
  counts?: Record<string, number>;
}

const countsText = (counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {})
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'no records';

function orgText(o: OrgView): string {
  const lines = [
    `id        ${o.id}`,
    `name      ${o.name}`,
    `ИНН       ${o.data.inn}`,
    `КПП       ${o.data.kpp ?? '-'}`,
  ];
  if (o.data.ogrn) lines.push(`ОГРН      ${o.data.ogrn}`);
  for (const b of o.data.bankAccounts ?? [])
    lines.push(`account   ${b.account}, БИК ${b.bik}${b.bankName ? `, ${b.bankName}` : ''}`);
  lines.push(`records   ${countsText(o.counts)}`);
  return lines.join('\n');
}

type Flags = StoreFlags & RemoteFlags & { json?: boolean };

/** `zhkh-bridge orgs list|show|create`, on the store or through a running hub. */
export function registerOrgsCommand(program: Command): void {
  const orgs = program
    .command('orgs')
    .description('Organizations (УК, ТСЖ): list, show, create — on the store or through a hub (--url)');

  withRemoteOptions(
    withStoreOptions(
      withJsonOption(orgs.command('list').description('Organizations with their record counts')),
    ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  zhkh-bridge orgs list\n  ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=... zhkh-bridge orgs list --json',
    )
    .action((flags: Flags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const list = (await client.get('/v1/orgs')).body as OrgView[];
        const all: OrgView[] = [];
        for (const o of list) all.push((await client.get(orgPath(o.id))).body);
        if (flags.json) return printJson(all);
        if (all.length === 0) {
          console.log('no organizations yet: create one with `zhkh-bridge orgs create`');
          return;
        }
        console.log(
          formatTable(
            ['id', 'ИНН', 'name', 'records'],
            all.map((o) => [o.id, o.data.inn, o.name, countsText(o.counts)]),
            { wrap: 3 },
          ),
        );
      }),
    );

  withRemoteOptions(
    withStoreOptions(
      withJsonOption(orgs.command('show <id>').description('One organization: details and record counts')),
    ),
  )
    .addHelpText('after', '\nExample:\n  zhkh-bridge orgs show uk-sever')
    .action((id: string, flags: Flags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const o = (await client.get(orgPath(id))).body as OrgView;
        if (flags.json) return printJson(o);
        console.log(orgText(o));
      }),
    );

  withRemoteOptions(
    withStoreOptions(
      orgs
        .command('create')
        .description(
          'Create or update an organization, from flags or a JSON file (an admin token through --url)',
        )
        .option('--file <org.json>', 'the organization as JSON (id, name, inn, kpp, ogrn, bankAccounts[])')
        .option('--id <slug>', 'identifier used in API paths: lowercase latin, digits, - and _')
        .option('--name <name>', 'full name, e.g. ООО «УК Северная»')
        .option('--inn <inn>', 'ИНН (10 or 12 digits, check digits verified)')
        .option('--kpp <kpp>', 'КПП')
        .option('--bik <bik>', 'БИК of the bank account')
        .option('--account <account>', 'расчётный счёт (its key is verified against the БИК)')
        .option('--corr-account <account>', 'корреспондентский счёт')
        .option('--bank-name <name>', 'bank name'),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  zhkh-bridge orgs create --id uk-sever --name "ООО «УК Северная»" --inn 7736050003 --bik 044525225 --account 40702810138250123017
  ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=<admin token> zhkh-bridge orgs create --file uk-sever.json`,
    )
    .action((flags: CreateFlags & RemoteFlags, command: Command) => {
      const org = organizationFromFlags(flags);
      return withHubClient(flags, command, async (client) => {
        const { status } = (await client.post('/v1/orgs', org)).body;
        console.log(`${status}: ${org.id} (${org.name})`);
      });
    });
}
