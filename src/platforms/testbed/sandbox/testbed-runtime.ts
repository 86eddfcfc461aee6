import { SandboxTimers } from '../../sandbox-kit/sandbox-timers.js';
import { seededRandom } from '../../sandbox-kit/seeded-random.js';
import { InboundQueue } from './inbound-queue.js';
import { ItemStore } from './item-store.js';
import { mergeFaults } from './merge-faults.js';
import { defaultTestbedFaults, type TestbedFaults } from './testbed-faults.js';
import { emptyTestbedStats, type TestbedStats } from './testbed-stats.js';
import { TokenRegistry } from './token-registry.js';

export interface TestbedRuntimeOptions {
  user: string;
  password: string;
  seed: number;
  faults: Partial<TestbedFaults>;
}

/**
 * Everything the request handlers share: the data, the counters, the fault settings and the timers
 * (kept so `close` can cancel a hang instead of waiting for it).
 */
export class TestbedRuntime {
  readonly user: string;
  readonly password: string;
  faults!: TestbedFaults;
  stats!: TestbedStats;
  items!: ItemStore;
  inbound!: InboundQueue;
  tokens!: TokenRegistry;
  random!: () => number;
  /** `/api` requests open right now. */
  inflight = 0;
  private readonly timers = new SandboxTimers();

  constructor(private readonly options: TestbedRuntimeOptions) {
    this.user = options.user;
    this.password = options.password;
    this.reset();
  }

  /** Back to the state right after start: no data, no tokens, zero counters, the starting faults. */
  reset(): void {
    this.faults = mergeFaults(defaultTestbedFaults, this.options.faults);
    this.stats = emptyTestbedStats();
    this.items = new ItemStore();
    this.inbound = new InboundQueue();
    this.tokens = new TokenRegistry();
    this.random = seededRandom(this.options.seed);
  }

  later(ms: number, run: () => void): void {
    this.timers.later(ms, run);
  }

  sleep(ms: number): Promise<void> {
    return this.timers.sleep(ms);
  }

  /** Cancels pending hangs and delays; their requests are cut when the server closes its sockets. */
  cancelTimers(): void {
    this.timers.cancelAll();
  }
}
