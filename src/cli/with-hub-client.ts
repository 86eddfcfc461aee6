import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { SyncEngine } from '../engine/sync-engine.js';
import { buildHub, LOG_REDACT } from '../hub/build-hub.js';
import { builtinConnectors } from '../platforms/builtin-connectors.js';
import { HubClient, type HubSend } from './hub-client.js';
import { remoteHubOf } from './remote-hub-of.js';
import type { RemoteFlags } from './remote-options.js';
import { type StoreFlags, withStore } from './with-store.js';

/** Requests into a hub built in this process (no socket). */
function injectSend(app: FastifyInstance): HubSend {
  return async ({ method, path, headers, body }) => {
    const res = await app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(body === undefined ? {} : { payload: body }),
    });
    const answered = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
    return { status: res.statusCode, text: res.body, headers: answered };
  };
}

/**
 * Runs `fn` with a client of the hub: the running one the flags or ZHKH_URL/ZHKH_TOKEN name, or —
 * without them — the hub's own routes built in this process on the store the flags select (driven
 * with `app.inject` and an admin secret that lives only in this process's memory; an inline engine,
 * so checks work). A command written against the API this way works both ways with one code path,
 * the same validation and the same output.
 */
export async function withHubClient<T>(
  flags: RemoteFlags & StoreFlags,
  command: Command,
  fn: (client: HubClient) => Promise<T>,
): Promise<T> {
  const remote = remoteHubOf(flags, command);
  if (remote) return fn(new HubClient(remote));
  return withStore(flags, async ({ store, box }) => {
    const connectors = builtinConnectors();
    const log = pino({ level: process.env.LOG_LEVEL ?? 'warn', redact: LOG_REDACT }, pino.destination(2));
    const engine = await SyncEngine.start({ store, box, connectors, log, mode: 'inline' });
    const token = randomBytes(32).toString('base64url');
    let app: FastifyInstance | undefined;
    try {
      // Only failures reach the log (on stderr): "internal error; see the hub log" must find it.
      const logger = { level: 'error', redact: LOG_REDACT, stream: process.stderr };
      app = await buildHub({ store, box, connectors, engine, inProcessToken: token, logger });
      return await fn(new HubClient({ url: store.where, token }, injectSend(app)));
    } finally {
      await app?.close();
      await engine.stop();
    }
  });
}
