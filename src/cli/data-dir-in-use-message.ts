import type { DataDirInUseError } from '../store/data-dir-lock.js';
import { readServeAddress } from './serve-address.js';

/** The arguments of this command line, quoted for a POSIX shell where needed. */
function thisCommand(): string {
  const args = process.argv
    .slice(2)
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return `zhkh-bridge ${args.join(' ')}`;
}

/**
 * What to do when another process holds the embedded store. For a command that can go through the
 * API and a holder that is `serve`, the exact lines to type; otherwise, who holds it.
 */
export function dataDirInUseMessage(err: DataDirInUseError, throughApi: boolean): string {
  const url = readServeAddress(err.dataDir, err.pid);
  if (!throughApi) return `${err.message}. Stop that process first.`;
  if (url === undefined) {
    return `${err.message}. Wait for it to end, or, if it is zhkh-bridge serve, go through its API: --url <its address> --token <a token> (or ZHKH_URL, ZHKH_TOKEN).`;
  }
  return [
    `data directory ${err.dataDir} is held by zhkh-bridge serve (process ${err.pid}) at ${url}; go through it:`,
    `  export ZHKH_URL=${url} ZHKH_TOKEN=<an admin token: the one serve printed at its first start, or ZHKH_ADMIN_TOKEN>`,
    `  ${thisCommand()}`,
  ].join('\n');
}
