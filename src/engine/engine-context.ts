import type { Logger } from 'pino';
import { keyOfPlatformId, platformIdOf, platformIdsOf } from '../store/id-map-store.js';
import type { Store } from '../store/open-store.js';
import type { SecretBox } from '../store/secret-box.js';
import type { CachedSession } from './connector/connection-session.js';
import type { IdMapView } from './connector/connector.js';
import type { ConnectorRegistry } from './connector/connector-registry.js';
import type { EngineMetrics } from './engine-metrics.js';

/** What the engine needs to run syncs; one per process. */
export interface EngineContext {
  store: Store;
  box: SecretBox | undefined;
  connectors: ConnectorRegistry;
  metrics?: EngineMetrics | undefined;
  log?: Logger | undefined;
  /**
   * Per-connection session state (auth tokens) kept across runs in this process, keyed by
   * connection id and valid for the credentials it was opened with (see connectionSession).
   */
  sessions: Map<string, CachedSession>;
  /** For tests: jitter source and sleep (both default to the real ones). */
  random?: (() => number) | undefined;
  idMapView(connectionId: string): IdMapView;
}

export function createEngineContext(
  parts: Omit<EngineContext, 'sessions' | 'idMapView'> & { sessions?: EngineContext['sessions'] },
): EngineContext {
  const db = parts.store.db;
  return {
    ...parts,
    sessions: parts.sessions ?? new Map(),
    idMapView: (connectionId) => ({
      platformIdOf: (entity, key) => platformIdOf(db, connectionId, entity, key),
      platformIdsOf: (entity, keys) => platformIdsOf(db, connectionId, entity, keys),
      keyOf: (entity, platformId) => keyOfPlatformId(db, connectionId, entity, platformId),
    }),
  };
}
