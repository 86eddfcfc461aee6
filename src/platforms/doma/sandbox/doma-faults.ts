/** Faults and settings that can change while the sandbox runs (`/_sandbox/faults`, `setFaults`). */
export interface DomaFaults {
  /** Share of API requests answered HTTP 500 with an INTERNAL_SERVER_ERROR GraphQL error. */
  errorRate: number;
  /** Share of API requests answered HTTP 503 by the "proxy" in front, with no GraphQL body. */
  http5xxRate: number;
  /** Delay before every API answer. */
  latencyMs: number;
  /** Complexity points per user per hour. */
  quota: number;
  /** Lifetime of tokens issued from now on. */
  tokenTtlMs: number;
}

/** Checks a patch of faults: rates within 0..1, non-negative numbers. */
export function mergeDomaFaults(current: DomaFaults, patch: Partial<DomaFaults>): DomaFaults {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch) as Array<[keyof DomaFaults, unknown]>) {
    if (!(key in current)) throw new Error(`unknown fault "${key}"`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`fault "${key}" must be a number ≥ 0`);
    }
    if ((key === 'errorRate' || key === 'http5xxRate') && value > 1)
      throw new Error(`fault "${key}" must be ≤ 1`);
    next[key] = value;
  }
  return next;
}
