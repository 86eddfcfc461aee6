import type { Command } from 'commander';
import { withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { type ResendFlags, resendAndReport } from '../sync/resend-and-report.js';

/** `zhkh-bridge resend-all`: send every record of a connection again, changed or not. */
export function registerResendAllCommand(program: Command): void {
  withRemoteOptions(
    withStoreOptions(
      program
        .command('resend-all')
        .description(
          'Forget what a platform confirmed and send every record of the connection again (after the platform lost data)',
        )
        .requiredOption('--org <id>', 'the organization')
        .requiredOption('--connection <idOrName>', 'the connection')
        .option('--kind <kind>', 'only this kind (service or services, …)'),
    ),
  )
    .addHelpText(
      'after',
      `
A normal sync sends only what changed since the platform confirmed it. Use this when the platform's
copy cannot be trusted (it was restored from a backup, or records were deleted there by hand).
Exit codes as for sync: 0 succeeded, 2 partial, 1 failed.

Examples:
  zhkh-bridge resend-all --org uk-sever --connection doma-main
  zhkh-bridge resend-all --org uk-sever --connection doma-main --kind accounts --url http://127.0.0.1:8080 --token ...`,
    )
    .action((flags: ResendFlags, command: Command) => resendAndReport(flags, command, false));
}
