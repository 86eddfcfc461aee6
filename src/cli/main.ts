import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { safeError } from '../store/safe-error.js';
import { CliError } from './cli-error.js';
import { registerCheckCommand } from './commands/check-command.js';
import { registerConnectionsCommand } from './commands/connections-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerErrorsCommand } from './commands/errors-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerInboxCommand } from './commands/inbox-command.js';
import { registerOrgsCommand } from './commands/orgs-command.js';
import { registerPruneCommand } from './commands/prune-command.js';
import { registerReceiptsCommand } from './commands/receipts-command.js';
import { registerReconcileCommand } from './commands/reconcile-command.js';
import { registerRegistryCommand } from './commands/registry-command.js';
import { registerResendAllCommand } from './commands/resend-all-command.js';
import { registerRunsCommand } from './commands/runs-command.js';
import { registerSandboxCommand } from './commands/sandbox-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerSyncCommand } from './commands/sync-command.js';
import { registerTokensCommand } from './commands/tokens-command.js';
import { registerWebhooksCommand } from './commands/webhooks-command.js';
import { registerWorkerCommand } from './commands/worker-command.js';
import { registerImportCommand } from './import/register-import-command.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('zhkh-bridge')
  .version(pkg.version)
  .description(
    'Integration hub between a housing billing (1С or its own) and the resident platforms Doma.ai, «Умное ЖКХ», DomControl and is74.',
  )
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Environment:
  DATABASE_URL       PostgreSQL connection string; without it the embedded store (PGlite) is used
  ZHKH_DATA_DIR      embedded store directory (default ./.zhkh-bridge/data)
  ZHKH_SECRET_KEY    key that encrypts credentials at rest (required with PostgreSQL: serve and
                     worker refuse to start without it; for the embedded store generated into
                     <data-dir>/secret.key when unset)
  ZHKH_ADMIN_TOKEN   an admin API token to provision at start
  ZHKH_METRICS_TOKEN a token that opens /metrics (Prometheus) and nothing else
  ZHKH_RETENTION     how long runs, operations and acknowledged inbox items are kept (default 90d)
  PORT, HOST         where serve listens (default 127.0.0.1:8080)
  ZHKH_URL           a running hub: every command that reads or writes the hub's state goes
                     through its API instead of opening the store (--url)
  ZHKH_TOKEN         the bearer token for ZHKH_URL (--token)
  LOG_LEVEL          pino log level (default info)
  ZHKH_DB_POOL       PostgreSQL connections per process (default 10)
  ZHKH_BODY_LIMIT_MB largest request body serve accepts, in MiB (default 64)

While serve holds the embedded store, go through it:
  export ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=<token>
  zhkh-bridge orgs list

Start with: zhkh-bridge demo`,
  );

registerServeCommand(program);
registerDemoCommand(program);
registerImportCommand(program);
registerOrgsCommand(program);
registerTokensCommand(program);
registerConnectionsCommand(program);
registerInboxCommand(program);
registerExportCommand(program);
registerSyncCommand(program);
registerCheckCommand(program);
registerRunsCommand(program);
registerErrorsCommand(program);
registerReconcileCommand(program);
registerResendAllCommand(program);
registerWorkerCommand(program);
registerSandboxCommand(program);
registerRegistryCommand(program);
registerReceiptsCommand(program);
registerPruneCommand(program);
registerWebhooksCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CliError) {
    console.error(`zhkh-bridge: ${err.message}`);
    process.exitCode = err.exitCode;
  } else if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    const e = safeError(err);
    console.error(`zhkh-bridge: ${e.name}${e.code ? ` ${e.code}` : ''}: ${e.message}`);
    process.exitCode = 1;
  }
}
