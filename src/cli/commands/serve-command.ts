import { type Command, InvalidArgumentError, Option } from 'commander';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { scheduleRetention } from '../../engine/retention/retention-job.js';
import { DEFAULT_RETENTION, parseRetention } from '../../engine/retention/retention-period.js';
import { SyncEngine } from '../../engine/sync-engine.js';
import { buildHub, LOG_REDACT } from '../../hub/build-hub.js';
import { HubMetrics } from '../../hub/hub-metrics.js';
import { builtinConnectors } from '../../platforms/builtin-connectors.js';
import { createToken, ensureAdminToken, listTokens } from '../../store/token-store.js';
import { CliError } from '../cli-error.js';
import { writeServeAddress } from '../serve-address.js';
import { withStoreOptions } from '../store-options.js';
import { type OpenedStore, openCliStore, type StoreFlags } from '../with-store.js';

export interface ServeFlags extends StoreFlags {
  port?: string | number | undefined;
  host?: string | undefined;
  logLevel?: string | undefined;
  /** Sync runs this process executes at once; false or 0 = an API-only node (default 2). */
  workers?: number | false | undefined;
}

export const DEFAULT_WORKERS = 2;

export interface RunningHub {
  app: FastifyInstance;
  opened: OpenedStore;
  engine: SyncEngine;
  /** Sync runs executed at once in this process (0: it only queues them). */
  workers: number;
  url: string;
  /** Set when this start created the first admin token (shown once). */
  firstAdminToken?: string;
  close(): Promise<void>;
}

/**
 * Opens the store, starts the sync engine, builds the hub and listens; the caller decides when to
 * close. The engine always runs in queue mode so the API can enqueue runs; with workers it also
 * executes them here (on the embedded store this is the only process that can).
 */
export async function startHub(flags: ServeFlags): Promise<RunningHub> {
  // serve and demo cannot go through another hub: a held data directory just names its holder.
  const opened = await openCliStore(flags, false, { requireKey: true });
  try {
    const db = opened.store.db;
    if (process.env.ZHKH_ADMIN_TOKEN) await ensureAdminToken(db, process.env.ZHKH_ADMIN_TOKEN);
    let firstAdminToken: string | undefined;
    if ((await listTokens(db)).length === 0) {
      firstAdminToken = (await createToken(db, { orgId: null, name: 'first admin token' })).token;
    }
    const level = flags.logLevel ?? process.env.LOG_LEVEL ?? 'info';
    const limits = process.env.ZHKH_BODY_LIMIT_MB
      ? { bodyLimit: bodyLimitFromEnv(process.env.ZHKH_BODY_LIMIT_MB) }
      : {};
    const port = Number(flags.port ?? process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port ${flags.port} is not a port number`);
    const workers = flags.workers === false ? 0 : (flags.workers ?? DEFAULT_WORKERS);
    const connectors = builtinConnectors();
    // One registry, so /metrics shows the engine's counters beside the API's.
    const metrics = new HubMetrics();
    const retentionMs = retentionFromEnv(process.env.ZHKH_RETENTION);
    const log = pino({ level, redact: LOG_REDACT });
    const engine = await SyncEngine.start({
      store: opened.store,
      box: opened.box,
      connectors,
      log: log.child({ component: 'sync' }),
      registry: metrics.registry,
      mode: 'queue',
      workers,
    });
    try {
      if (engine.jobs)
        await scheduleRetention(
          engine.jobs.boss,
          opened.store,
          retentionMs,
          log.child({ component: 'retention' }),
        );
    } catch (err) {
      await engine.stop();
      throw err;
    }
    let app: FastifyInstance | undefined;
    let url: string;
    try {
      app = await buildHub({
        store: opened.store,
        box: opened.box,
        connectors,
        engine,
        metrics,
        metricsToken: metricsTokenFromEnv(process.env.ZHKH_METRICS_TOKEN),
        limits,
        logger: { level, redact: LOG_REDACT },
        startBulkThreads: true,
      });
      url = await app.listen({ port, host: flags.host ?? process.env.HOST ?? '127.0.0.1' });
    } catch (err) {
      await app?.close();
      await engine.stop();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new CliError(`port ${port} is already in use; pick another with --port`);
      throw err;
    }
    const hubApp = app;
    const forgetAddress = opened.dataDir ? writeServeAddress(opened.dataDir, url) : () => {};
    const running: RunningHub = {
      app: hubApp,
      opened,
      engine,
      workers,
      url,
      async close() {
        // No new requests first, then let runs in flight finish their batch, then the store.
        forgetAddress();
        await hubApp.close();
        await engine.stop();
        await opened.store.close();
      },
    };
    if (firstAdminToken) running.firstAdminToken = firstAdminToken;
    return running;
  } catch (err) {
    await opened.store.close();
    throw err;
  }
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('a whole number of runs at once, e.g. 2 (0 = none)');
  return n;
}

function bodyLimitFromEnv(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 1 || mb > 1024) {
    throw new CliError(`ZHKH_BODY_LIMIT_MB=${value} must be a number of MiB from 1 to 1024`);
  }
  return Math.round(mb * 1024 * 1024);
}

/** ZHKH_RETENTION: how long finished runs, operations and acknowledged inbox items are kept. */
function retentionFromEnv(value: string | undefined): number | undefined {
  try {
    return parseRetention(value || DEFAULT_RETENTION);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

/** ZHKH_METRICS_TOKEN: a secret for Prometheus that opens `/metrics` and nothing else. */
function metricsTokenFromEnv(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 16)
    throw new CliError('ZHKH_METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 24)');
  return value;
}

/** Resolves when SIGINT or SIGTERM arrives (Ctrl-C). */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export function registerServeCommand(program: Command): void {
  withStoreOptions(program.command('serve'))
    .description('Run the billing-facing HTTP API and the sync engine (its workers) until Ctrl-C')
    // No commander default: it would hide PORT from the environment (startHub falls back to 8080).
    .option('-p, --port <port>', 'port to listen on (env PORT, default 8080)')
    .option(
      '--host <host>',
      'address to bind (env HOST); use 0.0.0.0 to accept remote billing systems',
      undefined,
    )
    .option('--log-level <level>', 'pino level: fatal, error, warn, info, debug (env LOG_LEVEL)')
    .addOption(
      new Option('--workers <n>', 'sync runs this process executes at once')
        .default(DEFAULT_WORKERS)
        .argParser(parseWorkers),
    )
    .option(
      '--no-workers',
      'an API-only node: queue sync runs for `zhkh-bridge worker` processes (PostgreSQL)',
    )
    .addHelpText(
      'after',
      `
The first start on an empty store creates an admin token and prints it once. Set ZHKH_ADMIN_TOKEN to
provision a known admin token instead. Every route except /healthz and /readyz needs
"Authorization: Bearer <token>". API docs: /docs (the page asks for the token and keeps it in the
browser tab, never in the URL), /openapi.json. /metrics (Prometheus) takes an admin token, or the
token in ZHKH_METRICS_TOKEN, which opens /metrics and nothing else.

Every night (03:17 UTC) finished runs and their operations, acknowledged inbox items and resolved
record errors older than ZHKH_RETENTION (default 90d; "off" keeps everything) are pruned; see
\`zhkh-bridge prune\`.

The sync engine runs in the same process: POST /v1/orgs/{org}/sync and each connection's schedule
(settings.sync.schedule, cron in UTC) queue runs, and --workers of them execute here at once. On
PostgreSQL more workers can run elsewhere (zhkh-bridge worker), and --no-workers leaves this process
to the API.

Examples:
  zhkh-bridge serve --port 8080
  DATABASE_URL=postgres://hub@db/zhkh ZHKH_SECRET_KEY=... zhkh-bridge serve --host 0.0.0.0 --workers 4
  DATABASE_URL=postgres://hub@db/zhkh ZHKH_SECRET_KEY=... zhkh-bridge serve --no-workers`,
    )
    .action(async (flags: ServeFlags) => {
      const hub = await startHub(flags);
      console.log(`zhkh-bridge listening on ${hub.url} (${hub.opened.store.where})`);
      console.log(
        hub.workers > 0
          ? `sync workers: ${hub.workers} in this process`
          : 'sync workers: none in this process (runs are queued for `zhkh-bridge worker`)',
      );
      if (hub.workers === 0 && hub.opened.store.driver === 'pglite')
        console.error(
          'warning: on the embedded store no other process can execute sync runs; drop --no-workers',
        );
      if (hub.firstAdminToken) console.log(`first start: admin token (shown once): ${hub.firstAdminToken}`);
      const sig = await untilSignal();
      console.log(`${sig}: shutting down`);
      await hub.close();
    });
}
