import { entityKinds } from '../domain/entity-kinds.js';
import type { EpdSources } from '../domain/epd/epd-sources.js';
import type { Account } from '../domain/model/account.js';
import type { House } from '../domain/model/house.js';
import type { Meter } from '../domain/model/meter.js';
import { Organization } from '../domain/model/organization.js';
import type { Premise } from '../domain/model/premise.js';
import type { Reading } from '../domain/model/reading.js';
import type { Receipt } from '../domain/model/receipt.js';
import { type DemoOptions, demoOrganization, generateDemo } from './generate-demo.js';

/**
 * The demo's receipts with everything their ЕПД shows, decoded as the store holds them, house by
 * house (memory stays bounded) — for the ЕПД benchmark, the sample page in docs/ and tests. A
 * house's records come before its receipts, so each receipt is complete when it is reached.
 */
export function* demoEpdSources(opts: DemoOptions): Generator<EpdSources, void, undefined> {
  const organization = Organization.parse(demoOrganization(opts));
  const houses = new Map<string, House>();
  const premises = new Map<string, Premise>();
  const accounts = new Map<string, Account>();
  const meters = new Map<string, Meter[]>();
  const readings = new Map<string, Reading[]>();
  for (const { kind, record } of generateDemo(opts)) {
    if (kind === 'house') {
      // A new house: the previous one's flats are done.
      for (const m of [houses, premises, accounts, meters, readings]) m.clear();
      const h = entityKinds.house.schema.parse(record);
      houses.set(h.id, h);
    } else if (kind === 'premise') {
      const p = entityKinds.premise.schema.parse(record);
      premises.set(p.id, p);
    } else if (kind === 'account') {
      const a = entityKinds.account.schema.parse(record);
      accounts.set(a.number, a);
    } else if (kind === 'meter') {
      const m = entityKinds.meter.schema.parse(record);
      meters.set(m.accountNumber, [...(meters.get(m.accountNumber) ?? []), m]);
    } else if (kind === 'reading') {
      const r = entityKinds.reading.schema.parse(record);
      readings.set(r.meterId, [...(readings.get(r.meterId) ?? []), r]);
    } else if (kind === 'receipt') {
      const receipt: Receipt = entityKinds.receipt.schema.parse(record);
      const account = accounts.get(receipt.accountNumber);
      const premise = account ? premises.get(account.premiseId) : undefined;
      const own = meters.get(receipt.accountNumber) ?? [];
      yield {
        receipt,
        organization,
        account,
        premise,
        house: premise ? houses.get(premise.houseId) : undefined,
        meters: own,
        readings: own.flatMap((m) => readings.get(m.id) ?? []),
      };
    }
  }
}
