import { createHash, timingSafeEqual } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import type { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import type { SyncEngine } from '../engine/sync-engine.js';
import { builtinConnectors } from '../platforms/builtin-connectors.js';
import type { Store } from '../store/open-store.js';
import { safeError } from '../store/safe-error.js';
import type { SecretBox } from '../store/secret-box.js';
import { SecretKeyError } from '../store/secret-box.js';
import { touchToken } from '../store/token-store.js';
import { BulkBodyPool, bulkThreadsOf } from './bulk-body-pool.js';
import { ChangeSync } from './change-sync.js';
import { docsUiConfig, isDocsPage } from './docs-page.js';
import { HttpError } from './http-error.js';
import type { HubContext, HubLimits } from './hub-context.js';
import { HubMetrics } from './hub-metrics.js';
import { registerJsonBodyParsers } from './json-body-parsers.js';
import { safeLogOptions } from './log-options.js';
import { mountBillingRoutes } from './mount-billing-routes.js';
import { isConsolePage, mountConsole } from './mount-console.js';
import { mountServedRoutes } from './mount-served-routes.js';
import { principalOf } from './principal.js';
import { registerConnectionRoutes } from './routes/connection-routes.js';
import { registerConnectionSyncRoutes } from './routes/connection-sync-routes.js';
import { registerEpdRoutes } from './routes/epd-routes.js';
import { registerExportRoutes } from './routes/export-routes.js';
import { registerInboxRoutes } from './routes/inbox-routes.js';
import { registerOrgRoutes } from './routes/org-routes.js';
import { registerOverviewRoutes } from './routes/overview-routes.js';
import { registerPlatformRoutes } from './routes/platform-routes.js';
import { registerPruneRoutes } from './routes/prune-routes.js';
import { registerReceiptFileRoutes } from './routes/receipt-file-routes.js';
import { registerReconciliationRoutes } from './routes/reconciliation-routes.js';
import { registerRecordErrorRoutes } from './routes/record-error-routes.js';
import { registerRecordRoutes } from './routes/record-routes.js';
import { registerRegistryRoutes } from './routes/registry-routes.js';
import { registerRunRoutes } from './routes/run-routes.js';
import { registerSyncRoutes } from './routes/sync-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';
import { registerStoreMetrics } from './store-metrics.js';
import { TokenCache } from './token-cache.js';
import { bulkWritesOf, WriteGate } from './write-gate.js';

export interface HubOptions {
  store: Store;
  /** Platforms known to the hub; defaults to every built-in platform. */
  connectors?: ConnectorRegistry;
  /** The sync engine (its metrics should use `metrics.registry`); without it the sync routes answer 503. */
  engine?: SyncEngine;
  /** Shared with the engine so /metrics shows both. */
  metrics?: HubMetrics;
  box: SecretBox | undefined;
  limits?: Partial<HubLimits>;
  /**
   * A token that may read `/metrics` and nothing else (`ZHKH_METRICS_TOKEN`), for Prometheus.
   * Without it only admin tokens may: the metrics show every organization.
   */
  metricsToken?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /**
   * A bearer secret this process made up and keeps in memory (never stored) that acts as an admin
   * token: the CLI working on the store drives the same routes in-process (`app.inject`), so both
   * ways give the same answers. Nobody outside the process can know it.
   */
  inProcessToken?: string;
  /**
   * Threads that parse and validate large bulk bodies (default: `ZHKH_BULK_THREADS`, else one per
   * core but one, at most four; 0: the hub's own thread does it).
   */
  bulkThreads?: number;
  /** Bulk writes that work at once; more wait their turn (default: `ZHKH_BULK_WRITES`, else 2). */
  bulkWrites?: number;
  /**
   * Start those threads with the hub rather than at the first large body (`serve`: a long-lived
   * hub; tests and one-shot CLI commands start them only if a large body comes).
   */
  startBulkThreads?: boolean;
  /** Bulk bodies from this many bytes on go to those threads (default 32 KiB). */
  bulkThreadMinBytes?: number;
}

export const DEFAULT_LIMITS: HubLimits = { maxRecords: 10_000, bodyLimit: 64 * 1024 * 1024 };

export { LOG_REDACT } from './log-options.js';

/** Builds the billing-facing HTTP API on a store. The caller listens and closes. */
export async function buildHub(opts: HubOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const ctx: HubContext = {
    store: opts.store,
    box: opts.box,
    metrics: opts.metrics ?? new HubMetrics(),
    limits,
    connectors: opts.connectors ?? builtinConnectors(),
    engine: opts.engine,
    changes: undefined as unknown as ChangeSync,
    bulkBodies: undefined,
    tokens: new TokenCache(),
    writes: new WriteGate(opts.bulkWrites ?? bulkWritesOf(process.env)),
  };
  const bulkThreads = opts.bulkThreads ?? bulkThreadsOf(process.env);
  if (bulkThreads > 0) ctx.bulkBodies = new BulkBodyPool(bulkThreads);
  if (opts.startBulkThreads) ctx.bulkBodies?.start();
  ctx.changes = new ChangeSync(ctx);
  const app = Fastify({
    logger: loggerOf(opts.logger),
    bodyLimit: limits.bodyLimit,
    // Composite keys contain "/" and are sent percent-encoded; allow long ones.
    routerOptions: { maxParamLength: 1000 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonBodyParsers(app, {
    deferBulkAtBytes: ctx.bulkBodies ? (opts.bulkThreadMinBytes ?? 32 * 1024) : undefined,
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'zhkh-bridge',
        version: opts.version ?? '0.1.0',
        description:
          'Billing-facing API of the zhkh-bridge hub. Money is a decimal string in rubles ("4225.57"); the hub keeps integer kopecks.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: docsUiConfig });

  app.addHook('onRequest', async (req) => {
    if (
      req.routeOptions.config.public ||
      isDocsPage(req.routeOptions.url) ||
      isConsolePage(req.routeOptions.url)
    )
      return;
    const secret = bearerOf(req.headers.authorization);
    if (!secret) throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <token>');
    if (opts.inProcessToken && sameSecret(secret, opts.inProcessToken)) {
      req.principal = { tokenId: 'in-process', orgId: null };
      return;
    }
    if (req.routeOptions.config.scrape && isMetricsToken(secret, opts.metricsToken)) {
      req.principal = { tokenId: 'metrics', orgId: null };
      return;
    }
    const token = await ctx.tokens.find(ctx.store.db, secret);
    if (!token) throw new HttpError(401, 'unauthorized', 'the bearer token is unknown or revoked');
    req.principal = { tokenId: token.id, orgId: token.orgId };
    touchLater(ctx, token.id);
  });

  app.addHook('onResponse', async (req, reply) => {
    ctx.metrics.httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.statusCode).send({ error: err.code, message: err.message, ...err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
        code: (v.params as { issue?: { code?: string } }).issue?.code ?? 'invalid',
      }));
      return reply.status(400).send({
        error: 'invalid_request',
        message: `invalid ${err.validationContext}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      });
    }
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      // A body nested too deep for a recursive step (serialising a free-form value): the input's
      // fault, not the hub's. Bulk records are held to a depth before they get that far.
      return reply
        .status(400)
        .send({ error: 'json_too_deep', message: 'the request body nests too deep to be processed' });
    }
    if (err instanceof SecretKeyError)
      return reply.status(503).send({ error: 'secret_key', message: err.message });
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413)
      return reply
        .status(413)
        .send({ error: 'body_too_large', message: `request body is over ${limits.bodyLimit} bytes` });
    if (status === 415)
      return reply.status(415).send({ error: 'unsupported_media_type', message: err.message });
    if (status && status >= 400 && status < 500)
      return reply.status(status).send({ error: 'bad_request', message: err.message });
    req.log.error({ err: safeError(err) }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'internal error; see the hub log' });
  });

  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }),
  );

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.store.db.execute(sql`SELECT 1`);
      return { status: 'ready', store: ctx.store.driver };
    } catch (err) {
      return reply.status(503).send({ status: 'unavailable', message: (err as Error).message });
    }
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerStoreMetrics(ctx.metrics.registry, ctx.store);
  // Every organization's counters: an admin token or the metrics token, never an org's token.
  app.get('/metrics', { config: { scrape: true }, schema: { hide: true } }, async (req, reply) => {
    if (principalOf(req).orgId !== null)
      throw new HttpError(
        403,
        'forbidden',
        "/metrics shows every organization's counters: use an admin token or the metrics token (ZHKH_METRICS_TOKEN)",
      );
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });

  registerOrgRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerRecordRoutes(app, ctx);
  app.addHook('onClose', async () => {
    ctx.changes.close();
    await ctx.bulkBodies?.close();
  });
  registerInboxRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerConnectionRoutes(app, ctx);
  registerConnectionSyncRoutes(app, ctx);
  registerReconciliationRoutes(app, ctx);
  await mountServedRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerRunRoutes(app, ctx);
  registerRecordErrorRoutes(app, ctx);
  mountBillingRoutes(app, ctx);
  registerReceiptFileRoutes(app, ctx);
  registerEpdRoutes(app, ctx);
  registerRegistryRoutes(app, ctx);
  registerPruneRoutes(app, ctx);
  registerPlatformRoutes(app, ctx);
  registerOverviewRoutes(app, ctx);
  await mountConsole(app);
  return app;
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

function isMetricsToken(secret: string, metricsToken: string | undefined): boolean {
  return metricsToken !== undefined && metricsToken !== '' && sameSecret(secret, metricsToken);
}

function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
}

function loggerOf(logger: HubOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return safeLogOptions(logger === true ? {} : (logger as LoggerOptions)) as FastifyServerOptions['logger'];
}

const lastTouched = new Map<string, number>();
/** Records a token's last use at most once a minute, off the request path. */
function touchLater(ctx: HubContext, id: string): void {
  const now = Date.now();
  if ((lastTouched.get(id) ?? 0) > now - 60_000) return;
  lastTouched.set(id, now);
  touchToken(ctx.store.db, id).catch(() => {});
}
