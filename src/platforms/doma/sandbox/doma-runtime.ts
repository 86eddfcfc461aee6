import type { ServiceUser } from './authenticate.js';
import { ComplexityLimiter } from './complexity-limiter.js';
import type { DomaFaults } from './doma-faults.js';
import { DomaStore } from './doma-store.js';
import { DomaTokens } from './doma-tokens.js';

/** Everything a running sandbox holds: data, users, sessions, quota use, faults and a seeded PRNG. */
export class DomaRuntime {
  store: DomaStore;
  readonly tokens: DomaTokens;
  readonly limiter: ComplexityLimiter;
  private seed: number;

  constructor(
    readonly users: ServiceUser[],
    public faults: DomaFaults,
    private readonly startSeed: number,
    readonly clock: () => Date,
  ) {
    this.store = new DomaStore(clock);
    this.tokens = new DomaTokens(faults.tokenTtlMs, () => clock().getTime());
    this.limiter = new ComplexityLimiter(faults.quota, () => clock().getTime());
    this.seed = startSeed;
  }

  setFaults(faults: DomaFaults): void {
    this.faults = faults;
    this.tokens.ttlMs = faults.tokenTtlMs;
    this.limiter.quota = faults.quota;
  }

  /** mulberry32: deterministic rolls for fault injection. */
  random(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Forgets all data, sessions and quota use (the caller re-seeds the starting objects). */
  reset(): void {
    this.store = new DomaStore(this.clock);
    this.tokens.expireAll();
    this.limiter.clear();
    this.seed = this.startSeed;
  }
}
