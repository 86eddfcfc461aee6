import type { Command } from 'commander';

/** `--json` on a list or show command: the API's answer as it is, for scripts. */
export function withJsonOption(command: Command): Command {
  return command.option(
    '--json',
    'print JSON (machine-readable, every field, nothing shortened) instead of text',
  );
}

/** Pretty JSON on stdout: what `--json` prints. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
