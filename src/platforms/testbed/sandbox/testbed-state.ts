import type { TestbedFaults } from './testbed-faults.js';
import type { TestbedRuntime } from './testbed-runtime.js';
import type { TestbedStats } from './testbed-stats.js';

/** What `GET /_sandbox/state` shows: enough to check a run from outside the process (the benchmark). */
export interface TestbedState {
  kinds: Record<string, { items: number; deleted: number }>;
  stats: TestbedStats;
  faults: TestbedFaults;
  inboundQueue: number;
}

export function testbedState(rt: TestbedRuntime): TestbedState {
  const kinds: TestbedState['kinds'] = {};
  for (const kind of rt.items.kindNames()) {
    let deleted = 0;
    const byKey = rt.items.of(kind);
    for (const item of byKey.values()) if (item.deleted) deleted++;
    kinds[kind] = { items: byKey.size, deleted };
  }
  return { kinds, stats: rt.stats, faults: rt.faults, inboundQueue: rt.inbound.length };
}
