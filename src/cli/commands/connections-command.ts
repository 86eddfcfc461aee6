import type { Command } from 'commander';
import type { ConnectionInfo } from '../../store/connection-store.js';
import { checkAndReport } from '../connections/check-and-report.js';
import { connectionsTable, connectionText } from '../connections/connection-text.js';
import { orgPath } from '../hub-path.js';
import { printJson, withJsonOption } from '../json-option.js';
import { readJsonFile } from '../read-json-file.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { applyPaths, collectSet, collectUnset, type PathValue } from '../set-option.js';
import { withStoreOptions } from '../store-options.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface OrgFlags extends StoreFlags, RemoteFlags {
  org: string;
  json?: boolean;
}
interface WriteFlags extends OrgFlags {
  file?: string;
  set: PathValue[];
  unset: PathValue[];
  name?: string;
}
interface CreateFlags extends WriteFlags {
  platform?: string;
  disabled?: boolean;
}

const ADDRESSING = `
A connection is named by its name or its id alike (the id is looked up first; a name may not look
like an id, so the two never clash). Names are unique within an organization.`;

const SET_HELP = `
--set path=value writes one key (repeat it for more); --unset path removes one. A value is JSON
when it parses as JSON (500, true, null, {"mode":"bearer"}, "\\"0042\\""), text otherwise
("0 3 * * *", http://…); under credentials. it is always text. --file gives the whole JSON at once;
--set and --unset apply on top of it. Prefer --file for credentials: a command line ends up in the
shell's history and in the process list.`;

function common(command: Command): Command {
  return withRemoteOptions(withStoreOptions(command.requiredOption('--org <id>', 'the organization')));
}

function withSetOptions(command: Command): Command {
  return command
    .option('--set <path=value>', 'set one key, e.g. settings.sync.schedule="0 3 * * *"', collectSet, [])
    .option('--unset <path>', 'remove one key, e.g. settings.sync.retry', collectUnset, []);
}

/** Prints a connection the way `show` does (or its JSON), after a line saying what happened. */
function report(flags: OrgFlags, headline: string, c: ConnectionInfo & { changed?: string[] }): void {
  if (flags.json) {
    printJson(c);
    return;
  }
  console.log(headline);
  console.log(connectionText(c));
}

/** `zhkh-bridge connections …`: an organization's platform connections, on the store or through a hub. */
export function registerConnectionsCommand(program: Command): void {
  const connections = program
    .command('connections')
    .description(
      'Connections of an organization to platforms: list, show, create, edit (a merge), enable, disable, check',
    )
    .addHelpText(
      'after',
      `${ADDRESSING}

Every subcommand works on the store directly, or through a running hub with --url/--token
(ZHKH_URL, ZHKH_TOKEN) — the way to go while \`serve\` holds the embedded store.`,
    );

  common(withJsonOption(connections.command('list').description('Connections of the organization')))
    .addHelpText(
      'after',
      '\nExamples:\n  zhkh-bridge connections list --org uk-sever\n  zhkh-bridge connections list --org uk-sever --json',
    )
    .action((flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const list = (await client.get(orgPath(flags.org, 'connections'))).body as ConnectionInfo[];
        if (flags.json) return printJson(list);
        if (list.length === 0) {
          console.log(
            `no connections yet: create one with \`zhkh-bridge connections create --org ${flags.org}\``,
          );
          return;
        }
        console.log(connectionsTable(list));
      }),
    );

  common(
    withJsonOption(
      connections
        .command('show <connection>')
        .description('One connection whole: settings, credential field names (never their values)'),
    ),
  )
    .addHelpText(
      'after',
      `${ADDRESSING}\n\nExample:\n  zhkh-bridge connections show doma-main --org uk-sever`,
    )
    .action((idOrName: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const c = (await client.get(orgPath(flags.org, 'connections', idOrName))).body as ConnectionInfo;
        if (flags.json) return printJson(c);
        console.log(connectionText(c));
      }),
    );

  common(
    withJsonOption(
      withSetOptions(
        connections
          .command('create')
          .description(
            "Connect the organization to a platform (settings validated with the platform's schema)",
          )
          .option('--platform <platform>', 'doma, uzhkh, domcontrol, is74 or testbed')
          .option('--name <name>', 'unique within the organization, e.g. doma-main')
          .option(
            '--file <conn.json>',
            'the connection as JSON: {platform, name, settings, credentials, enabled}',
          )
          .option('--disabled', 'create it disabled (no runs until `connections enable`)'),
      ),
    ),
  )
    .addHelpText(
      'after',
      `${SET_HELP}

Each platform's settings and credentials are listed in its README (src/platforms/<platform>/).
Every platform address (baseUrl, coreUrl) must be given: none has a default.

Examples:
  zhkh-bridge connections create --org uk-sever --platform domcontrol --name dc \\
      --set settings.baseUrl=https://domcontrol.example.ru --set settings.auth.mode=bearer \\
      --set settings.sync.schedule="*/30 * * * *" --file dc-credentials.json
  zhkh-bridge connections create --org uk-sever --file doma.json    # {"platform":"doma","name":…}`,
    )
    .action((flags: CreateFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        let body = flags.file ? readJsonFile(flags.file) : {};
        if (flags.platform !== undefined) body.platform = flags.platform;
        if (flags.name !== undefined) body.name = flags.name;
        if (flags.disabled) body.enabled = false;
        body = applyPaths(body, [...flags.set, ...flags.unset]);
        const c = (await client.post(orgPath(flags.org, 'connections'), body)).body as ConnectionInfo;
        report(flags, `created ${c.platform}/${c.name} (id ${c.id})`, c);
      }),
    );

  common(
    withJsonOption(
      withSetOptions(
        connections
          .command('edit <connection>')
          .description('Change a connection as a merge: only the keys given change, the rest stays')
          .option(
            '--file <patch.json>',
            'a JSON merge patch: {"settings": {…}, "credentials": {…}, "name": …}',
          )
          .option('--name <name>', 'rename it'),
      ),
    ),
  )
    .addHelpText(
      'after',
      `
The edit is a JSON merge patch (RFC 7396) of the stored connection: a key left out keeps its value,
--unset (or null) removes it, nested objects merge. Changing the schedule leaves baseUrl and the
credentials alone; they change only when named. The merged result is validated with the platform's
schema; if it is refused, nothing changes. Prints what changed and the connection as it now is.
${SET_HELP}

Examples:
  zhkh-bridge connections edit dc --org uk-sever --set settings.sync.schedule="0 3 * * *"
  zhkh-bridge connections edit dc --org uk-sever --unset settings.sync.retry
  zhkh-bridge connections edit doma-main --org uk-sever --file new-password.json  # {"credentials":{"password":"…"}}`,
    )
    .action((idOrName: string, flags: WriteFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        let patch = flags.file ? readJsonFile(flags.file) : {};
        if (flags.name !== undefined) patch.name = flags.name;
        patch = applyPaths(patch, [...flags.set, ...flags.unset]);
        const c = (await client.patch(orgPath(flags.org, 'connections', idOrName), patch)).body;
        const what = c.changed.length > 0 ? `changed ${c.changed.join(', ')}` : 'nothing changed';
        report(flags, `${c.platform}/${c.name}: ${what}`, c);
      }),
    );

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    common(
      connections
        .command(`${verb} <connection>`)
        .description(
          enabled
            ? 'Enable a connection: its schedule and `sync` run it again'
            : 'Disable a connection: no scheduled or triggered runs until enabled (nothing is deleted)',
        ),
    )
      .addHelpText('after', `\nExample:\n  zhkh-bridge connections ${verb} doma-main --org uk-sever`)
      .action((idOrName: string, flags: OrgFlags, command: Command) =>
        withHubClient(flags, command, async (client) => {
          const c = (await client.patch(orgPath(flags.org, 'connections', idOrName), { enabled })).body;
          console.log(`${c.platform}/${c.name}: ${c.changed.length > 0 ? `${verb}d` : `already ${verb}d`}`);
        }),
      );
  }

  common(
    connections
      .command('check <connection>')
      .description(
        'Settings valid, platform reachable, credentials accepted (one cheap call; nothing is sent)',
      ),
  )
    .addHelpText(
      'after',
      '\nExits 0 when the check passes, 1 when it does not (with the reason and its code: auth_rejected, network…).\n\nExample:\n  zhkh-bridge connections check doma-main --org uk-sever',
    )
    .action((idOrName: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, (client) => checkAndReport(client, flags.org, idOrName)),
    );
}
