import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { issuesToErrors } from '../../domain/issues-to-errors.js';
import { Organization } from '../../domain/model/organization.js';
import { listOrgs, upsertOrg } from '../../store/org-store.js';
import { countRecords } from '../../store/record-store.js';
import { CliError } from '../cli-error.js';
import { withStoreOptions } from '../store-options.js';
import { type StoreFlags, withStore } from '../with-store.js';

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
    try {
      input = JSON.parse(readFileSync(flags.file, 'utf8'));
    } catch (err) {
      throw new CliError(`cannot read ${flags.file}: ${(err as Error).message}`);
    }
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

export function registerOrgsCommand(program: Command): void {
  const orgs = program.command('orgs').description('List and create organizations (УК, ТСЖ) in the store');

  withStoreOptions(orgs.command('list').description('Organizations with their record counts')).action(
    async (flags: StoreFlags) => {
      await withStore(flags, async ({ store }) => {
        const all = await listOrgs(store.db);
        if (all.length === 0) console.log('no organizations yet: create one with `zhkh-bridge orgs create`');
        for (const o of all) {
          const counts = await countRecords(store.db, o.id);
          const summary =
            Object.entries(counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ') || 'no records';
          console.log(`${o.id}\t${o.data.inn}\t${o.name}\t${summary}`);
        }
      });
    },
  );

  withStoreOptions(
    orgs
      .command('create')
      .description('Create or update an organization, from flags or a JSON file')
      .option('--file <org.json>', 'the organization as JSON (id, name, inn, kpp, ogrn, bankAccounts[])')
      .option('--id <slug>', 'identifier used in API paths: lowercase latin, digits, - and _')
      .option('--name <name>', 'full name, e.g. ООО «УК Северная»')
      .option('--inn <inn>', 'ИНН (10 or 12 digits, check digits verified)')
      .option('--kpp <kpp>', 'КПП')
      .option('--bik <bik>', 'БИК of the bank account')
      .option('--account <account>', 'расчётный счёт (its key is verified against the БИК)')
      .option('--corr-account <account>', 'корреспондентский счёт')
      .option('--bank-name <name>', 'bank name'),
  )
    .addHelpText(
      'after',
      '\nExample:\n  zhkh-bridge orgs create --id uk-sever --name "ООО «УК Северная»" --inn 7736050003 --bik 044525225 --account 40702810138250123017',
    )
    .action(async (flags: CreateFlags) => {
      const org = organizationFromFlags(flags);
      await withStore(flags, async ({ store }) => {
        const status = await upsertOrg(store.db, org);
        console.log(`${status}: ${org.id} (${org.name})`);
      });
    });
}
