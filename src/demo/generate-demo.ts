import { catalogueRecords } from './catalogue-records.js';
import { makeContext } from './demo-context.js';
import type { DemoOptions } from './demo-options.js';
import type { DemoRecord } from './demo-record.js';
import { generateHouse } from './generate-house.js';

/**
 * A seeded, deterministic, streaming generator of realistic demo data in the canonical model's API
 * input form. Records come out in dependency order: services, tariffs, then house by house — the
 * house, its premises, accounts, meters, readings, balances, receipts, payments, transactions and
 * is74 contracts. Only one house's records are held at a time, so memory does not grow with the
 * number of accounts.
 *
 * This module is the generator's public entry, which the CLI, the loader and the benchmarks import;
 * the parts it assembles live in the modules beside it.
 */

export {
  DEFAULT_DEMO_ORG_ID,
  DEFAULT_DEMO_PERIOD,
  DEFAULT_DEMO_SEED,
  type DemoOptions,
} from './demo-options.js';
export { demoOrganization } from './demo-organization.js';
export type { DemoRecord, OrganizationInput } from './demo-record.js';
export { DEMO_SERVICES } from './demo-services.js';

/**
 * Streams demo records for `accounts` лицевых счетов in dependency order. Deterministic: the same
 * options give the same sequence. Parking spaces and storage rooms are premises without accounts.
 */
export function* generateDemo(opts: DemoOptions): Generator<DemoRecord, void, undefined> {
  if (!Number.isSafeInteger(opts.accounts) || opts.accounts < 0) {
    throw new RangeError(`accounts must be a whole number >= 0, got ${String(opts.accounts)}`);
  }
  const ctx = makeContext(opts);
  yield* catalogueRecords(ctx.periodStart);
  let produced = 0;
  for (let houseIndex = 0; produced < opts.accounts; houseIndex++) {
    produced += yield* generateHouse(ctx, houseIndex, opts.accounts - produced, produced);
  }
}
