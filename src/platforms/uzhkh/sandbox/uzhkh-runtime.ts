import { SandboxTimers } from '../../sandbox-kit/sandbox-timers.js';
import { seededRandom } from '../../sandbox-kit/seeded-random.js';
import { ResidentActions } from './resident-actions.js';
import { defaultUzhkhFaults, UzhkhFaults } from './uzhkh-faults.js';
import { UzhkhWorld } from './uzhkh-world.js';

/** Counters the tests and the benchmark read to see what the client really caused. */
export interface UzhkhStats {
  requests: number;
  refused: number;
  requestsServed: number;
  deletes: number;
  setIds: number;
  handles: number;
  downloads: number;
  faults: { error: number; deleteError: number; ignoredDelete: number };
}

export interface UzhkhRuntimeOptions {
  token: string;
  allowIps: string[];
  seed: number;
  faults: Partial<UzhkhFaults>;
}

/** Everything the handlers share: the platform's data, auth, faults, counters and timers. */
export class UzhkhRuntime {
  readonly token: string;
  allowIps: string[];
  world!: UzhkhWorld;
  act!: ResidentActions;
  faults!: UzhkhFaults;
  stats!: UzhkhStats;
  random!: () => number;
  private readonly timers = new SandboxTimers();

  constructor(private readonly options: UzhkhRuntimeOptions) {
    this.token = options.token;
    this.allowIps = options.allowIps;
    this.reset();
  }

  reset(): void {
    this.world = new UzhkhWorld();
    this.act = new ResidentActions(this.world);
    this.faults = UzhkhFaults.parse({ ...defaultUzhkhFaults, ...this.options.faults });
    this.random = seededRandom(this.options.seed);
    this.stats = {
      requests: 0,
      refused: 0,
      requestsServed: 0,
      deletes: 0,
      setIds: 0,
      handles: 0,
      downloads: 0,
      faults: { error: 0, deleteError: 0, ignoredDelete: 0 },
    };
  }

  roll(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  sleep(ms: number): Promise<void> {
    return this.timers.sleep(ms);
  }

  cancelTimers(): void {
    this.timers.cancelAll();
  }
}
