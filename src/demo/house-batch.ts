import type { DemoRecord } from './demo-record.js';

/**
 * One house's records, collected per kind while its flats are generated and then emitted kind by kind,
 * so that every record comes after the ones it refers to. Only one house is held at a time.
 */
export interface HouseBatch {
  premises: DemoRecord[];
  accounts: DemoRecord[];
  meters: DemoRecord[];
  readings: DemoRecord[];
  balances: DemoRecord[];
  receipts: DemoRecord[];
  payments: DemoRecord[];
  transactions: DemoRecord[];
  contracts: DemoRecord[];
}

export function emptyHouseBatch(): HouseBatch {
  return {
    premises: [],
    accounts: [],
    meters: [],
    readings: [],
    balances: [],
    receipts: [],
    payments: [],
    transactions: [],
    contracts: [],
  };
}

/** The batch in dependency order: premises before accounts, accounts before what refers to them. */
export function* houseBatchRecords(out: HouseBatch): Generator<DemoRecord, void, undefined> {
  yield* out.premises;
  yield* out.accounts;
  yield* out.meters;
  yield* out.readings;
  yield* out.balances;
  yield* out.receipts;
  yield* out.payments;
  yield* out.transactions;
  yield* out.contracts;
}
