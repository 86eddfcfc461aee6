import { type Command, Option } from 'commander';
import { pino } from 'pino';
import { SyncEngine } from '../../engine/sync-engine.js';
import { LOG_REDACT } from '../../hub/build-hub.js';
import { builtinConnectors } from '../../platforms/builtin-connectors.js';
import { storeOptionsFromEnv } from '../../store/store-options-from-env.js';
import { CliError } from '../cli-error.js';
import { parsePositiveInt } from '../parse-positive-int.js';
import { withStoreOptions } from '../store-options.js';
import { type StoreFlags, withStore } from '../with-store.js';
import { untilSignal } from './serve-command.js';

interface WorkerFlags extends StoreFlags {
  concurrency: number;
  logLevel?: string;
}

const HELP = `
Workers take sync runs from the job queue in PostgreSQL: the hub (serve) queues them on
POST /v1/orgs/{org}/sync and on each connection's schedule, and any worker on the same database
executes them — one run per connection at a time across all workers. Add workers on more machines
to sync more connections at once. The embedded store belongs to one process, where \`serve\`
already runs the workers (serve --workers N).

Examples:
  DATABASE_URL=postgres://hub@db/zhkh ZHKH_SECRET_KEY=... zhkh-bridge worker --concurrency 4
  zhkh-bridge serve --no-workers     # an API-only node; workers run elsewhere`;

/** `zhkh-bridge worker`: executes queued sync runs until Ctrl-C (PostgreSQL only). */
export function registerWorkerCommand(program: Command): void {
  withStoreOptions(
    program
      .command('worker')
      .description(
        'Execute queued sync runs from PostgreSQL until Ctrl-C (for more sync capacity beside serve)',
      )
      .addOption(
        new Option('--concurrency <n>', 'runs executed at once by this process')
          .default(2)
          .argParser(parsePositiveInt),
      )
      .option('--log-level <level>', 'pino level: fatal, error, warn, info, debug (env LOG_LEVEL)'),
  )
    .addHelpText('after', HELP)
    .action(async (flags: WorkerFlags) => {
      if (storeOptionsFromEnv(flags).driver !== 'postgres') {
        throw new CliError(
          'worker needs PostgreSQL (set DATABASE_URL or --database-url). On the embedded store `serve` already runs the sync workers in its own process (serve --workers N).',
        );
      }
      const log = pino({ level: flags.logLevel ?? process.env.LOG_LEVEL ?? 'info', redact: LOG_REDACT });
      await withStore(
        flags,
        async ({ store, box }) => {
          const engine = await SyncEngine.start({
            store,
            box,
            connectors: builtinConnectors(),
            log,
            mode: 'queue',
            workers: flags.concurrency,
          });
          log.info({ concurrency: flags.concurrency, store: store.where }, 'sync worker started');
          const sig = await untilSignal();
          log.info({ signal: sig }, 'stopping: runs in flight finish their batch first');
          await engine.stop();
        },
        { requireKey: true },
      );
    });
}
