/** One user's use of the hourly complexity quota. */
interface Window {
  startedAt: number;
  used: number;
}

export interface QuotaState {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window restarts. */
  reset: number;
}

const HOUR_MS = 3600_000;

/**
 * The platform's complexity rate limit: a fixed hourly window per user with a quota of points; a
 * request that does not fit is refused whole and spends nothing.
 */
export class ComplexityLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    public quota: number,
    private readonly now: () => number,
  ) {}

  private window(key: string): Window {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now - w.startedAt >= HOUR_MS) {
      w = { startedAt: now, used: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  /** Spends `cost` when it fits; answers whether it did and the state after. */
  spend(key: string, cost: number): { allowed: boolean; state: QuotaState } {
    const w = this.window(key);
    const allowed = w.used + cost <= this.quota;
    if (allowed) w.used += cost;
    return { allowed, state: this.stateOf(w) };
  }

  peek(key: string): QuotaState {
    return this.stateOf(this.window(key));
  }

  private stateOf(w: Window): QuotaState {
    return {
      limit: this.quota,
      used: w.used,
      remaining: Math.max(0, this.quota - w.used),
      reset: Math.ceil((w.startedAt + HOUR_MS) / 1000),
    };
  }

  clear(): void {
    this.windows.clear();
  }
}
