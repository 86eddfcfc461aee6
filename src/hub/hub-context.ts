import type { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import type { SyncEngine } from '../engine/sync-engine.js';
import type { Store } from '../store/open-store.js';
import type { SecretBox } from '../store/secret-box.js';
import type { BulkBodyPool } from './bulk-body-pool.js';
import type { ChangeSync } from './change-sync.js';
import type { HubMetrics } from './hub-metrics.js';
import type { TokenCache } from './token-cache.js';
import type { WriteGate } from './write-gate.js';

export interface HubLimits {
  /** Records in one bulk request (the API contract says 10,000). */
  maxRecords: number;
  /** Bytes in one request body. */
  bodyLimit: number;
}

/** What every route needs; built once by buildHub. */
export interface HubContext {
  store: Store;
  box: SecretBox | undefined;
  metrics: HubMetrics;
  limits: HubLimits;
  /** The platforms this hub knows (connection settings are validated with their schemas). */
  connectors: ConnectorRegistry;
  /** Sync runs: trigger, check, cancel, resend. Absent only in hubs built without an engine (tests of the core API). */
  engine: SyncEngine | undefined;
  /** Bulk writes working at once (see WriteGate). */
  writes: WriteGate;
  /** Active tokens, briefly remembered (see TokenCache). */
  tokens: TokenCache;
  /** Threads that parse and validate large bulk bodies; absent: the hub's own thread does. */
  bulkBodies: BulkBodyPool | undefined;
  /** Starts runs of the connectors that sync on change, after a write changed what they watch. */
  changes: ChangeSync;
}
