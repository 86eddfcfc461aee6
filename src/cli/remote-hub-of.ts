import type { Command } from 'commander';
import { CliError } from './cli-error.js';
import type { RemoteFlags } from './remote-options.js';
import type { StoreFlags } from './with-store.js';

export interface RemoteHub {
  url: string;
  token: string;
}

/**
 * The hub to go through, or undefined to open the store directly. An explicit store flag beats a
 * hub URL inherited from the environment (as for `import`); both given on the command line is a
 * contradiction worth pointing out rather than guessing.
 */
export function remoteHubOf(flags: RemoteFlags & StoreFlags, command: Command): RemoteHub | undefined {
  const storeFlag = flags.dataDir !== undefined || flags.databaseUrl !== undefined;
  if (flags.url !== undefined && storeFlag && command.getOptionValueSource('url') === 'cli') {
    throw new CliError('give either --url (through a running hub) or --data-dir/--database-url, not both');
  }
  if (flags.url === undefined || storeFlag) return undefined;
  if (!flags.token) {
    throw new CliError('--url needs --token (or ZHKH_TOKEN): a token for the organization or an admin token');
  }
  return { url: flags.url.replace(/\/+$/, ''), token: flags.token };
}
