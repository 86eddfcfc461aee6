import { getConnection, readCredentials } from '../../store/connection-store.js';
import { createOperation } from '../../store/operation-store.js';
import { safeError } from '../../store/safe-error.js';
import { connectionSession } from '../connector/connection-session.js';
import type { EngineContext } from '../engine-context.js';
import { createPlatformFetch } from '../policy/platform-fetch.js';
import { runWithRetry } from '../policy/run-with-retry.js';
import { resolveConnector } from './resolve-connector.js';

export interface CheckOutcome {
  ok: boolean;
  platform: string;
  detail?: string | undefined;
  error?: string | undefined;
  code?: string | undefined;
  operationId: number;
}

/**
 * The `check` verb: settings and credentials valid, platform reachable, credentials accepted. A
 * network failure is retried briefly; refused credentials are not. Recorded as a `check` operation.
 */
export async function checkConnection(
  engine: EngineContext,
  orgId: string,
  connectionId: string,
): Promise<CheckOutcome | undefined> {
  const db = engine.store.db;
  const conn = await getConnection(db, engine.box, orgId, connectionId);
  if (!conn) return undefined;
  const resolved = resolveConnector(engine.connectors, conn, await readCredentials(db, engine.box, conn.id));
  let result: Omit<CheckOutcome, 'operationId'>;
  if (!resolved.ok) {
    result = { ok: false, platform: conn.platform, error: resolved.error, code: 'invalid_connection' };
  } else {
    const signal = AbortSignal.timeout(resolved.sync.retry.timeoutMs * 3);
    const session = connectionSession(engine, conn.id, resolved);
    const ctx = {
      connection: { id: conn.id, orgId, platform: conn.platform, settings: resolved.settings },
      credentials: resolved.credentials,
      fetch: createPlatformFetch({ timeoutMs: resolved.sync.retry.timeoutMs, signal }),
      session,
      signal,
      ids: engine.idMapView(conn.id),
    };
    try {
      const r = await runWithRetry(() => resolved.connector.check(ctx), {
        policy: {
          ...resolved.sync.retry,
          maxAttempts: Math.min(3, resolved.sync.retry.maxAttempts),
          maxWaitMs: 5000,
        },
        reauth: () => session.clear(),
        signal,
      });
      result = { ok: true, platform: conn.platform, detail: r.detail };
    } catch (err) {
      const e = safeError(err);
      result = { ok: false, platform: conn.platform, error: e.message, code: e.code ?? 'check_failed' };
    }
  }
  const operationId = await createOperation(db, {
    orgId,
    connectionId,
    platform: conn.platform,
    type: 'check',
    state: result.ok ? 'succeeded' : 'failed',
    lastError: result.error,
  });
  return { ...result, operationId };
}
