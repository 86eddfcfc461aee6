import type { RequestState } from './request-state.js';
import type { UzhkhFaults } from './uzhkh-faults.js';
import type { UzhkhRuntime, UzhkhStats } from './uzhkh-runtime.js';

/** What `GET /_sandbox/state` shows. */
export interface UzhkhState {
  entities: Record<string, number>;
  queued: number;
  deletedItems: number;
  acknowledged: number;
  requests: Record<string, RequestState>;
  stats: UzhkhStats;
  faults: UzhkhFaults;
  allowIps: string[];
}

export function uzhkhState(rt: UzhkhRuntime): UzhkhState {
  return {
    entities: rt.world.entities.counts(),
    queued: rt.world.queue.length,
    deletedItems: rt.world.queue.deletionsLength,
    acknowledged: rt.world.queue.deletedCount,
    requests: Object.fromEntries(rt.world.requestStates),
    stats: rt.stats,
    faults: rt.faults,
    allowIps: rt.allowIps,
  };
}
