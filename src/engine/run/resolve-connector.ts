import type { ConnectionInfo } from '../../store/connection-store.js';
import type { Connector } from '../connector/connector.js';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { defaultRetryPolicy, type RetryPolicy } from '../policy/retry-policy.js';
import { SyncSettings, splitSettings } from '../sync-settings.js';

export type ResolvedConnector =
  | {
      ok: true;
      connector: Connector;
      settings: unknown;
      credentials: unknown;
      sync: { schedule?: string | undefined; retry: RetryPolicy; maxBatchRecords?: number | undefined };
    }
  | { ok: false; error: string };

/** Finds a connection's connector and validates its settings and credentials with the platform's schemas. */
export function resolveConnector(
  registry: ConnectorRegistry,
  conn: Pick<ConnectionInfo, 'platform' | 'name' | 'settings'>,
  credentials: Record<string, unknown> | undefined,
): ResolvedConnector {
  const connector = registry.get(conn.platform);
  if (!connector) {
    return {
      ok: false,
      error: `platform "${conn.platform}" has no connector in this hub (known: ${registry.names().join(', ') || 'none'})`,
    };
  }
  const { sync, platform } = splitSettings(conn.settings);
  const syncParsed = SyncSettings.safeParse(sync);
  if (!syncParsed.success)
    return { ok: false, error: `settings.sync of ${conn.name}: ${issues(syncParsed.error)}` };
  const settings = connector.settings.safeParse(platform);
  if (!settings.success) return { ok: false, error: `settings of ${conn.name}: ${issues(settings.error)}` };
  const creds = connector.credentials.safeParse(credentials ?? {});
  if (!creds.success)
    return { ok: false, error: `credentials of ${conn.name}: ${issues(creds.error, true)}` };
  return {
    ok: true,
    connector,
    settings: settings.data,
    credentials: creds.data,
    sync: {
      schedule: syncParsed.data.schedule,
      retry: syncParsed.data.retry ?? defaultRetryPolicy,
      maxBatchRecords: syncParsed.data.maxBatchRecords,
    },
  };
}

/** zod issues as "path: message"; for credentials the values are never echoed. */
export function issues(
  error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> },
  secret = false,
): string {
  return error.issues
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${secret ? 'missing or invalid' : i.message}`)
    .join('; ');
}
