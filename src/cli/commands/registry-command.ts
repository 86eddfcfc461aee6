import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { formatMoney } from '../../domain/money.js';
import {
  encodeRegistry,
  orderForFileName,
  type RegistryEncoding,
  registryFileName,
} from '../../domain/registry/payment-registry.js';
import { orgRegistries } from '../../engine/org-registries.js';
import { builtinConnectors } from '../../platforms/builtin-connectors.js';
import { CliError } from '../cli-error.js';
import { HubClient } from '../hub-client.js';
import { remoteHubOf } from '../remote-hub-of.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { type StoreFlags, withStore } from '../with-store.js';

interface RegistryFlags extends StoreFlags, RemoteFlags {
  org: string;
  platform: string;
  date: string;
  connection?: string;
  order?: string;
  out?: string;
  encoding?: RegistryEncoding;
}

/** A registry as both paths give it: text plus what the summary line shows. */
interface Registry {
  connectionName: string;
  order: string;
  count: number;
  amount: string;
  encoding: RegistryEncoding;
  text: string;
}

const EXAMPLES = `
One registry per payment order transferred that day (UTC unless the connection's registryTimeZone
says otherwise), built from the DONE payments the Doma.ai connection pulled into the inbox (sync
with --direction inbound first). WITHDRAWN payments are never included. Without --out the files
go to the current directory as registry_<date>_<order>.txt; with --out and several orders, the
order is added before the extension.

Examples:
  zhkh-bridge registry --org uk-sever --platform doma --date 2024-11-22
  zhkh-bridge registry --org uk-sever --platform doma --date 2024-11-22 --out reestr.txt --encoding utf-8`;

/** `zhkh-bridge registry`: bank payment registries of a transfer date from Doma.ai payments. */
export function registerRegistryCommand(program: Command): void {
  withRemoteOptions(
    withStoreOptions(
      program
        .command('registry')
        .description(
          'Write the bank payment registries (Sberbank layout) of a transfer date from Doma.ai payments',
        )
        .requiredOption('--org <id>', 'the organization')
        .addOption(
          new Option('--platform <platform>', 'where the payments come from')
            .choices(registryPlatforms())
            .default('doma'),
        )
        .requiredOption('--date <YYYY-MM-DD>', 'the transfer date')
        .option('--connection <idOrName>', 'only this connection')
        .option('--order <number>', 'only this payment order')
        .option('--out <file>', 'the file to write (default registry_<date>_<order>.txt)')
        .addOption(
          new Option(
            '--encoding <encoding>',
            "the file's encoding (default: the connection's, windows-1251)",
          ).choices(['windows-1251', 'utf-8']),
        ),
    ),
  )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: RegistryFlags, command: Command) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.date))
        throw new CliError(`--date "${flags.date}" must be YYYY-MM-DD`);
      const registries = (await loadRegistries(flags, command)).filter(
        (r) => flags.order === undefined || r.order === flags.order,
      );
      if (registries.length === 0) {
        throw new CliError(
          `no DONE Doma.ai payments of ${flags.org} transferred on ${flags.date}${flags.order ? ` with order ${flags.order}` : ''}`,
        );
      }
      for (const r of registries) {
        const file = outFile(flags, r.order, registries.length > 1);
        await writeFile(file, encodeRegistry(r.text, flags.encoding ?? r.encoding));
        console.log(
          `${file}: ${r.connectionName}, payment order ${r.order || '(none)'}, ${r.count} payments, ${r.amount} ₽`,
        );
      }
    });
}

async function loadRegistries(flags: RegistryFlags, command: Command): Promise<Registry[]> {
  const hub = remoteHubOf(flags, command);
  if (hub) {
    const q = new URLSearchParams({ date: flags.date, platform: flags.platform });
    if (flags.connection) q.set('connection', flags.connection);
    const res = await new HubClient(hub).get(`/v1/orgs/${encodeURIComponent(flags.org)}/registries?${q}`);
    return res.body.registries as Registry[];
  }
  return withStore(flags, async ({ store, box }) =>
    (
      await orgRegistries(store.db, box, builtinConnectors(), flags.org, flags.date, {
        connection: flags.connection,
        platform: flags.platform,
      })
    ).map((r) => ({
      ...r,
      amount: formatMoney(r.amount),
    })),
  );
}

function outFile(flags: RegistryFlags, order: string, several: boolean): string {
  if (!flags.out) return registryFileName(flags.date, order);
  if (!several) return flags.out;
  const ext = extname(flags.out);
  return `${flags.out.slice(0, flags.out.length - ext.length)}_${orderForFileName(order)}${ext}`;
}

/** The platforms whose connectors build payment registries. */
function registryPlatforms(): string[] {
  const connectors = builtinConnectors();
  return connectors.names().filter((p) => connectors.get(p)?.paymentRegistries);
}
