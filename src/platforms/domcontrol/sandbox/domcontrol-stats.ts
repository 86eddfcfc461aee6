import type { DomcontrolImport } from '../contract/domcontrol-paths.js';

/** Counters the tests and the benchmark read to see what the client really caused. */
export interface DomcontrolStats {
  /** Every request to an import path, refused and faulted ones included. */
  requests: number;
  /** Import calls per import. */
  calls: Record<DomcontrolImport, number>;
  /** Items stored (created or updated) per import. */
  imported: Record<DomcontrolImport, number>;
  /** Import calls answered 400 (bad JSON, a wrong field, a missing reference). */
  refused: number;
  unauthorized: number;
  faults: {
    error: number;
    rateLimited: number;
    failNext: number;
    tooLarge: number;
    crashed: number;
    outage: number;
  };
}

const perImport = (): Record<DomcontrolImport, number> => ({
  services: 0,
  accounts: 0,
  counters: 0,
  readings: 0,
  balances: 0,
  transactions: 0,
});

export function emptyDomcontrolStats(): DomcontrolStats {
  return {
    requests: 0,
    calls: perImport(),
    imported: perImport(),
    refused: 0,
    unauthorized: 0,
    faults: { error: 0, rateLimited: 0, failNext: 0, tooLarge: 0, crashed: 0, outage: 0 },
  };
}
