import { Counter, Histogram, type Registry } from 'prom-client';

/** The labels of every engine metric: one set per connection (bounded), never per record. */
type Conn = 'org' | 'connection' | 'platform';
const CONN: Conn[] = ['org', 'connection', 'platform'];

/**
 * Prometheus counters and histograms of the engine, per connection and kind (on the given
 * registry). They count what this process did; the store-wide gauges are in hub/store-metrics.
 */
export class EngineMetrics {
  readonly records: Counter<Conn | 'kind' | 'outcome'>;
  readonly requests: Counter<Conn | 'kind' | 'result'>;
  readonly batchSeconds: Histogram<Conn | 'kind'>;
  readonly runSeconds: Histogram<Conn | 'state'>;
  readonly inbound: Counter<Conn | 'stream' | 'outcome'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.records = new Counter({
      name: 'zhkh_sync_records_total',
      help: 'Outbound records by outcome: sent, unchanged, rejected, dead',
      labelNames: [...CONN, 'kind', 'outcome'],
      registers,
    });
    this.requests = new Counter({
      name: 'zhkh_sync_requests_total',
      help: 'Delivery requests to platforms by result: ok, retry, wait, reauth, split, failed',
      labelNames: [...CONN, 'kind', 'result'],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'zhkh_sync_batch_duration_seconds',
      help: 'Time to deliver one batch, retries included',
      labelNames: [...CONN, 'kind'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.runSeconds = new Histogram({
      name: 'zhkh_sync_run_duration_seconds',
      help: 'Duration of sync runs by final state',
      labelNames: [...CONN, 'state'],
      buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
    this.inbound = new Counter({
      name: 'zhkh_sync_inbound_items_total',
      help: 'Inbound items by outcome: received, new, acknowledged',
      labelNames: [...CONN, 'stream', 'outcome'],
      registers,
    });
  }
}
