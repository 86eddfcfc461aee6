import type { Command } from 'commander';
import { getOrg } from '../../store/org-store.js';
import { createToken, listTokens, revokeToken } from '../../store/token-store.js';
import { CliError } from '../cli-error.js';
import { withStoreOptions } from '../store-options.js';
import { type StoreFlags, withStore } from '../with-store.js';

export function registerTokensCommand(program: Command): void {
  const tokens = program
    .command('tokens')
    .description('API tokens: an admin token sees every organization, a scoped one only its own');

  withStoreOptions(
    tokens
      .command('create')
      .description('Create a token and print it (it is shown only once; the store keeps its hash)')
      .option('--org <id>', 'scope the token to this organization (omit for an admin token)')
      .option('--name <name>', 'what the token is for', 'cli'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  zhkh-bridge tokens create --name ops\n  zhkh-bridge tokens create --org uk-sever --name 1c-exchange',
    )
    .action(async (flags: StoreFlags & { org?: string; name: string }) => {
      await withStore(flags, async ({ store }) => {
        if (flags.org && !(await getOrg(store.db, flags.org)))
          throw new CliError(`organization "${flags.org}" does not exist`);
        const { token, info } = await createToken(store.db, { orgId: flags.org ?? null, name: flags.name });
        console.error(
          `created ${info.orgId ? `token for ${info.orgId}` : 'admin token'} ${info.id} (${info.name})`,
        );
        console.log(token);
      });
    });

  withStoreOptions(
    tokens.command('list').description('Tokens with their scope and last use (never the secrets)'),
  ).action(async (flags: StoreFlags) => {
    await withStore(flags, async ({ store }) => {
      for (const t of await listTokens(store.db)) {
        const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
        console.log(`${t.id}\t${t.orgId ?? '(admin)'}\t${t.name}\t${state}`);
      }
    });
  });

  withStoreOptions(tokens.command('revoke <id>').description('Revoke a token by id')).action(
    async (id: string, flags: StoreFlags) => {
      await withStore(flags, async ({ store }) => {
        if (!(await revokeToken(store.db, id))) throw new CliError(`no active token ${id}`);
        console.log(`revoked ${id}`);
      });
    },
  );
}
