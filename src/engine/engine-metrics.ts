import { Counter, Histogram, type Registry } from 'prom-client';

/** Prometheus counters and histograms of the engine, per platform and kind (on the given registry). */
export class EngineMetrics {
  readonly records: Counter<'platform' | 'kind' | 'outcome'>;
  readonly requests: Counter<'platform' | 'kind' | 'result'>;
  readonly batchSeconds: Histogram<'platform' | 'kind'>;
  readonly runSeconds: Histogram<'platform' | 'state'>;
  readonly inbound: Counter<'platform' | 'stream' | 'outcome'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.records = new Counter({
      name: 'zhkh_sync_records_total',
      help: 'Outbound records by outcome: sent, unchanged, rejected, dead',
      labelNames: ['platform', 'kind', 'outcome'],
      registers,
    });
    this.requests = new Counter({
      name: 'zhkh_sync_requests_total',
      help: 'Delivery requests to platforms by result: ok, retry, wait, reauth, split, failed',
      labelNames: ['platform', 'kind', 'result'],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'zhkh_sync_batch_duration_seconds',
      help: 'Time to deliver one batch, retries included',
      labelNames: ['platform', 'kind'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.runSeconds = new Histogram({
      name: 'zhkh_sync_run_duration_seconds',
      help: 'Duration of sync runs by final state',
      labelNames: ['platform', 'state'],
      buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
    this.inbound = new Counter({
      name: 'zhkh_sync_inbound_items_total',
      help: 'Inbound items by outcome: received, new, acknowledged',
      labelNames: ['platform', 'stream', 'outcome'],
      registers,
    });
  }
}
