import type { Command } from 'commander';
import type { TokenInfo } from '../../store/token-store.js';
import { CliError } from '../cli-error.js';
import { formatTable } from '../format-table.js';
import { printJson, withJsonOption } from '../json-option.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

type Flags = StoreFlags & RemoteFlags & { json?: boolean };

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : null);

function common(command: Command): Command {
  return withRemoteOptions(withStoreOptions(command));
}

/** `zhkh-bridge tokens create|list|revoke`, on the store or through a running hub (admin token). */
export function registerTokensCommand(program: Command): void {
  const tokens = program
    .command('tokens')
    .description('API tokens: an admin token sees every organization, a scoped one only its own')
    .addHelpText(
      'after',
      `
On the store directly, or through a running hub with --url/--token (ZHKH_URL, ZHKH_TOKEN): creating
tokens there takes an admin token, and a scoped token lists and revokes only its organization's.`,
    );

  common(
    tokens
      .command('create')
      .description('Create a token and print it (it is shown only once; the store keeps its hash)')
      .option('--org <id>', 'scope the token to this organization (omit for an admin token)')
      .option('--name <name>', 'what the token is for', 'cli'),
  )
    .addHelpText(
      'after',
      `
The token goes to stdout alone (for TOKEN=$(zhkh-bridge tokens create …)); what it is, to stderr.

Examples:
  zhkh-bridge tokens create --name ops
  zhkh-bridge tokens create --org uk-sever --name 1c-exchange`,
    )
    .action((flags: Flags & { org?: string; name: string }, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const body = flags.org === undefined ? { name: flags.name } : { name: flags.name, org: flags.org };
        const { token, info } = (await client.post('/v1/tokens', body)).body as {
          token: string;
          info: TokenInfo;
        };
        console.error(
          `created ${info.orgId ? `token for ${info.orgId}` : 'admin token'} ${info.id} (${info.name})`,
        );
        console.log(token);
      }),
    );

  common(
    withJsonOption(
      tokens.command('list').description('Tokens with their scope and last use (never the secrets)'),
    ),
  )
    .addHelpText('after', '\nExamples:\n  zhkh-bridge tokens list\n  zhkh-bridge tokens list --json')
    .action((flags: Flags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const list = (await client.get('/v1/tokens')).body as TokenInfo[];
        if (flags.json) return printJson(list);
        if (list.length === 0) {
          console.log(
            'no tokens yet: `zhkh-bridge serve` creates the first admin token, or `zhkh-bridge tokens create`',
          );
          return;
        }
        console.log(
          formatTable(
            ['id', 'organization', 'name', 'created (UTC)', 'last used (UTC)', 'revoked (UTC)'],
            list.map((t) => [
              t.id,
              t.orgId ?? '(admin)',
              t.name,
              when(t.createdAt),
              when(t.lastUsedAt) ?? 'never',
              when(t.revokedAt) ?? '-',
            ]),
          ),
        );
      }),
    );

  common(tokens.command('revoke <id>').description('Revoke a token by id (see tokens list)'))
    .addHelpText('after', '\nExample:\n  zhkh-bridge tokens revoke 3f6c…')
    .action((id: string, flags: Flags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const { revoked } = (await client.delete(`/v1/tokens/${encodeURIComponent(id)}`)).body;
        if (!revoked) throw new CliError(`token ${id} was already revoked`);
        console.log(`revoked ${id}`);
      }),
    );
}
