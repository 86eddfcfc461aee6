import type { Command } from 'commander';

/** The two options every command that opens the store takes (read by `withStore`/`openCliStore`). */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded store directory (env ZHKH_DATA_DIR, default ./.zhkh-bridge/data)')
    .option('--database-url <url>', 'PostgreSQL instead of the embedded store (env DATABASE_URL)');
}
