import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { buildHub, LOG_REDACT } from '../../hub/build-hub.js';
import { createToken, ensureAdminToken, listTokens } from '../../store/token-store.js';
import { CliError } from '../cli-error.js';
import { withStoreOptions } from '../store-options.js';
import { type OpenedStore, openCliStore, type StoreFlags } from '../with-store.js';

export interface ServeFlags extends StoreFlags {
  port?: string | number | undefined;
  host?: string | undefined;
  logLevel?: string | undefined;
}

export interface RunningHub {
  app: FastifyInstance;
  opened: OpenedStore;
  url: string;
  /** Set when this start created the first admin token (shown once). */
  firstAdminToken?: string;
  close(): Promise<void>;
}

/** Opens the store, builds the hub and listens; the caller decides when to close. */
export async function startHub(flags: ServeFlags): Promise<RunningHub> {
  const opened = await openCliStore(flags);
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
    const app = await buildHub({
      store: opened.store,
      box: opened.box,
      limits,
      logger: { level, redact: LOG_REDACT },
    });
    const port = Number(flags.port ?? process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port ${flags.port} is not a port number`);
    let url: string;
    try {
      url = await app.listen({ port, host: flags.host ?? process.env.HOST ?? '127.0.0.1' });
    } catch (err) {
      await app.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new CliError(`port ${port} is already in use; pick another with --port`);
      throw err;
    }
    const running: RunningHub = {
      app,
      opened,
      url,
      async close() {
        await app.close();
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

function bodyLimitFromEnv(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 1 || mb > 1024) {
    throw new CliError(`ZHKH_BODY_LIMIT_MB=${value} must be a number of MiB from 1 to 1024`);
  }
  return Math.round(mb * 1024 * 1024);
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
    .description('Run the billing-facing HTTP API (and, with the sync engine, its workers) until Ctrl-C')
    .option('-p, --port <port>', 'port to listen on (env PORT)', '8080')
    .option(
      '--host <host>',
      'address to bind (env HOST); use 0.0.0.0 to accept remote billing systems',
      undefined,
    )
    .option('--log-level <level>', 'pino level: fatal, error, warn, info, debug (env LOG_LEVEL)')
    .addHelpText(
      'after',
      `
The first start on an empty store creates an admin token and prints it once. Set ZHKH_ADMIN_TOKEN to
provision a known admin token instead. Every route except /healthz and /readyz needs
"Authorization: Bearer <token>". API docs: /docs (open /docs?token=<token> in a browser), /openapi.json.

Examples:
  zhkh-bridge serve --port 8080
  DATABASE_URL=postgres://hub@db/zhkh ZHKH_SECRET_KEY=... zhkh-bridge serve --host 0.0.0.0`,
    )
    .action(async (flags: ServeFlags) => {
      const hub = await startHub(flags);
      console.log(`zhkh-bridge listening on ${hub.url} (${hub.opened.store.where})`);
      if (hub.firstAdminToken) console.log(`first start: admin token (shown once): ${hub.firstAdminToken}`);
      const sig = await untilSignal();
      console.log(`${sig}: shutting down`);
      await hub.close();
    });
}
