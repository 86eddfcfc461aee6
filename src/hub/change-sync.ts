import type { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import type { SyncEngine } from '../engine/sync-engine.js';
import { listConnections } from '../store/connection-store.js';
import type { Store } from '../store/open-store.js';
import { safeError } from '../store/safe-error.js';
import type { SecretBox } from '../store/secret-box.js';

/** Writes within this window after the first share one run (a bulk update makes one callback). */
export const CHANGE_WINDOW_MS = 1000;

/**
 * Sync on change: a connector that declares `syncOnChange` (is74: the core learns of changes only
 * through callbacks) gets an outbound run when a billing write changed one of its kinds. The record
 * routes notify after their commit; writes of an organisation within one window share one run. A
 * connection opts out with `settings.syncOnChange: false`. Several hub processes each trigger their
 * own runs, which the engine serialises per connection and which send only what changed.
 */
export class ChangeSync {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: {
      store: Store;
      box: SecretBox | undefined;
      connectors: ConnectorRegistry;
      engine: SyncEngine | undefined;
    },
  ) {}

  /** A write changed records of `kind` in `orgId` (call after the commit, only when something changed). */
  notify(orgId: string, kind: string): void {
    if (!this.deps.engine || this.pending.has(orgId) || !this.watched(kind)) return;
    const timer = setTimeout(() => {
      this.pending.delete(orgId);
      void this.fire(orgId);
    }, CHANGE_WINDOW_MS);
    timer.unref();
    this.pending.set(orgId, timer);
  }

  close(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }

  private watched(kind: string): boolean {
    const { connectors } = this.deps;
    return connectors.names().some((p) => connectors.get(p)?.syncOnChange?.kinds.includes(kind));
  }

  private async fire(orgId: string): Promise<void> {
    const { store, box, connectors, engine } = this.deps;
    try {
      for (const c of await listConnections(store.db, box, orgId)) {
        const watches = connectors.get(c.platform)?.syncOnChange;
        if (!watches || !c.enabled || c.settings.syncOnChange === false) continue;
        await engine?.trigger(orgId, { connectionId: c.id, direction: 'outbound', trigger: 'change' });
      }
    } catch (err) {
      engine?.ctx.log?.error({ err: safeError(err) }, 'sync on change failed');
    }
  }
}
