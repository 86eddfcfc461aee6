import { Counter, Gauge, type Registry } from 'prom-client';
import { scheduleIntervalSeconds } from '../engine/schedule-interval.js';
import { countQueuedEvents } from '../platforms/webhook/client/webhook-queue.js';
import type { Store } from '../store/open-store.js';
import { countOpenRecordErrors } from '../store/record-error-store.js';
import { type ConnectionHealth, listConnectionHealth } from '../store/run-stats-store.js';

type Conn = 'org' | 'connection' | 'platform';
const CONN: Conn[] = ['org', 'connection', 'platform'];

interface Snapshot {
  health: ConnectionHealth[];
  errors: Array<{ connectionId: string; code: string; open: number }>;
  queued: Array<{ connectionId: string; queued: number }>;
}

/**
 * Metrics read from the store at scrape time, so every API process shows the whole hub — runs
 * executed by any worker on the same database included — and they survive restarts. Labels are
 * per connection (`connection` = its name), never per record. One read serves a whole scrape.
 */
export function registerStoreMetrics(registry: Registry, store: Store): void {
  if (registry.getSingleMetric('zhkh_run_state_total')) return;
  let cached: { at: number; snapshot: Promise<Snapshot> } | undefined;
  const snapshot = (): Promise<Snapshot> => {
    const now = Date.now();
    if (!cached || now - cached.at > 1000) {
      cached = {
        at: now,
        snapshot: Promise.all([
          listConnectionHealth(store.db),
          countOpenRecordErrors(store.db),
          countQueuedEvents(store.db),
        ]).then(([health, errors, queued]) => ({ health, errors, queued })),
      };
    }
    return cached.snapshot;
  };
  /** A scrape never fails on the store: the store's metrics are left out instead. */
  const read = (): Promise<Snapshot | undefined> => snapshot().catch(() => undefined);
  const labelsOf = (h: ConnectionHealth) => ({ org: h.orgId, connection: h.name, platform: h.platform });

  new Gauge({
    name: 'zhkh_connection_last_success_timestamp_seconds',
    help: 'Enabled connections: when the last run that got through (succeeded or partial) finished; the connection’s creation time until one has',
    labelNames: CONN,
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      for (const h of s?.health ?? []) {
        if (!h.enabled) continue;
        this.set(labelsOf(h), (h.lastSuccessAt ?? h.createdAt).getTime() / 1000);
      }
    },
  });
  new Gauge({
    name: 'zhkh_connection_schedule_seconds',
    help: 'Enabled connections with a schedule: seconds between its next two runs (settings.sync.schedule)',
    labelNames: CONN,
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      const now = new Date();
      for (const h of s?.health ?? []) {
        const interval = h.enabled ? scheduleIntervalSeconds(h.settings, now) : undefined;
        if (interval !== undefined) this.set(labelsOf(h), interval);
      }
    },
  });
  new Counter({
    name: 'zhkh_run_state_total',
    help: 'Finished sync runs by final state: succeeded, partial, failed, cancelled',
    labelNames: [...CONN, 'state'],
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      for (const h of s?.health ?? [])
        for (const [state, n] of Object.entries(h.runs)) this.inc({ ...labelsOf(h), state }, n);
    },
  });
  new Gauge({
    name: 'zhkh_record_errors_open',
    help: 'Records with an open error by code (dead_letter: the retries ran out; others: the platform or the mapping refused them)',
    labelNames: [...CONN, 'code'],
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      const byId = new Map((s?.health ?? []).map((h) => [h.connectionId, h]));
      for (const e of s?.errors ?? []) {
        const h = byId.get(e.connectionId);
        if (h) this.set({ ...labelsOf(h), code: e.code }, e.open);
      }
    },
  });
  new Gauge({
    name: 'zhkh_webhook_queued_events',
    help: 'Billing webhook endpoints: events queued and not yet answered 2xx (they stay queued while the endpoint fails)',
    labelNames: CONN,
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      const queued = new Map((s?.queued ?? []).map((q) => [q.connectionId, q.queued]));
      for (const h of s?.health ?? [])
        if (h.platform === 'webhook') this.set(labelsOf(h), queued.get(h.connectionId) ?? 0);
    },
  });
}
