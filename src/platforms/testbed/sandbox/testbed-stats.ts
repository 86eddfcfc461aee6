/** Counters the tests and the benchmark read to see what the client really caused. */
export interface TestbedStats {
  /** Every `/api` request. */
  requests: number;
  /** `POST /api/items` calls that passed authentication, faulted or refused ones included. */
  writeRequests: number;
  /** Items written (created, updated or deleted). */
  itemsApplied: number;
  /** Items refused on purpose (`payload.reject`). */
  itemsRejected: number;
  logins: number;
  /** The most `/api` requests that were open at the same time. */
  maxInflight: number;
  faults: {
    error: number;
    lostAnswer: number;
    reset: number;
    timeout: number;
    rateLimited: number;
    tooLarge: number;
    duplicateInbound: number;
  };
}

export function emptyTestbedStats(): TestbedStats {
  return {
    requests: 0,
    writeRequests: 0,
    itemsApplied: 0,
    itemsRejected: 0,
    logins: 0,
    maxInflight: 0,
    faults: {
      error: 0,
      lostAnswer: 0,
      reset: 0,
      timeout: 0,
      rateLimited: 0,
      tooLarge: 0,
      duplicateInbound: 0,
    },
  };
}
