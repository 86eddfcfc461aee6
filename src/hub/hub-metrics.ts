import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one hub instance (own registry, so tests can run several hubs). */
export class HubMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'zhkh_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly records = new Counter({
    name: 'zhkh_records_ingested_total',
    help: 'Canonical records received from the billing, by kind and outcome',
    labelNames: ['kind', 'status'],
    registers: [this.registry],
  });
  readonly bulkBodies = new Counter({
    name: 'zhkh_bulk_bodies_total',
    help: 'Bulk record requests by where their body was parsed and validated: in a bulk-body thread, or on the hub event loop (small bodies, merges, ZHKH_BULK_THREADS=0)',
    labelNames: ['where'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'zhkh_' });
  }
}
