import { SandboxTimers } from '../../sandbox-kit/sandbox-timers.js';
import { seededRandom } from '../../sandbox-kit/seeded-random.js';
import type { DomcontrolAuth } from '../contract/domcontrol-auth.js';
import { DomcontrolDirectories } from './domcontrol-directories.js';
import {
  type DomcontrolFaults,
  defaultDomcontrolFaults,
  mergeDomcontrolFaults,
} from './domcontrol-faults.js';
import { type DomcontrolStats, emptyDomcontrolStats } from './domcontrol-stats.js';

/** Everything the request handlers share: data, counters, faults, the auth demanded and timers. */
export class DomcontrolRuntime {
  faults!: DomcontrolFaults;
  stats!: DomcontrolStats;
  dirs!: DomcontrolDirectories;
  random!: () => number;
  private readonly timers = new SandboxTimers();

  constructor(
    readonly auth: DomcontrolAuth,
    private readonly start: { seed: number; faults: Partial<DomcontrolFaults> },
  ) {
    this.reset();
  }

  /** Back to the state right after start: no data, zero counters, the starting faults and seed. */
  reset(): void {
    this.faults = mergeDomcontrolFaults(defaultDomcontrolFaults, this.start.faults);
    this.stats = emptyDomcontrolStats();
    this.dirs = new DomcontrolDirectories();
    this.random = seededRandom(this.start.seed);
  }

  sleep(ms: number): Promise<void> {
    return this.timers.sleep(ms);
  }

  cancelTimers(): void {
    this.timers.cancelAll();
  }
}
