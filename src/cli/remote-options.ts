import { type Command, Option } from 'commander';

export interface RemoteFlags {
  url?: string | undefined;
  token?: string | undefined;
}

/** `--url`/`--token` (env ZHKH_URL, ZHKH_TOKEN): work through a running hub instead of the store. */
export function withRemoteOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--url <hubUrl>', 'go through a running hub at this URL instead of opening the store').env(
        'ZHKH_URL',
      ),
    )
    .addOption(
      new Option('--token <token>', 'bearer token for --url (prefer the environment variable)').env(
        'ZHKH_TOKEN',
      ),
    );
}
