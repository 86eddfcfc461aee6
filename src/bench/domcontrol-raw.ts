import type { Account } from '../domain/model/account.js';
import type { Balance } from '../domain/model/balance.js';
import type { House } from '../domain/model/house.js';
import type { Meter } from '../domain/model/meter.js';
import type { Premise } from '../domain/model/premise.js';
import type { Reading } from '../domain/model/reading.js';
import type { Service } from '../domain/model/service.js';
import { DomcontrolSettings } from '../platforms/domcontrol/client/domcontrol-settings.js';
import { mapAccount } from '../platforms/domcontrol/client/map-account.js';
import { mapCounter } from '../platforms/domcontrol/client/map-counter.js';
import { mapBalance } from '../platforms/domcontrol/client/map-money.js';
import { mapReading } from '../platforms/domcontrol/client/map-reading.js';
import { mapService } from '../platforms/domcontrol/client/map-service.js';
import {
  type DomcontrolImport,
  domcontrolImports,
} from '../platforms/domcontrol/contract/domcontrol-paths.js';
import { writeJson } from '../platforms/domcontrol/contract/write-json.js';
import type { BenchRecords } from './domcontrol-records.js';

/** One pre-built request: the import and its body. */
export interface RawRequest {
  name: DomcontrolImport;
  body: string;
}

/**
 * The request bodies the connector would send for the benchmark's records, built in advance with
 * the connector's own mappings, in dependency order and batches of `batch` items. `organization` is
 * the organisation's name: what services without a provider are sent with.
 */
export function buildDomcontrolBodies(
  records: BenchRecords,
  batch: number,
  organization: string,
): RawRequest[] {
  // The mappings read only the defaults; the address (required, never defaulted) is not in a body.
  const settings = DomcontrolSettings.parse({ baseUrl: 'http://127.0.0.1/' });
  const premises = new Map((records.premise as Premise[]).map((p) => [p.id, p]));
  const houses = new Map((records.house as House[]).map((h) => [h.id, h]));
  const items: Array<[DomcontrolImport, unknown[]]> = [
    ['services', (records.service as Service[]).map((s) => mapService(s, s.provider ?? organization))],
    [
      'accounts',
      (records.account as Account[]).map((a) => {
        const premise = premises.get(a.premiseId)!;
        return mapAccount(a, premise, houses.get(premise.houseId)!, settings);
      }),
    ],
    ['counters', (records.meter as Meter[]).map((m) => mapCounter(m))],
    ['readings', (records.reading as Reading[]).map((r) => mapReading(r))],
    ['balances', (records.balance as Balance[]).map((b) => mapBalance(b, settings.signs))],
  ];
  const out: RawRequest[] = [];
  for (const [name, list] of items) {
    for (let i = 0; i < list.length; i += batch) {
      out.push({ name, body: writeJson({ [domcontrolImports[name].list]: list.slice(i, i + batch) }) });
    }
  }
  return out;
}

/** The platform's raw intake: the pre-built bodies posted back to back, one in flight. Seconds of the loop. */
export async function postDomcontrolBodies(
  baseUrl: string,
  requests: readonly RawRequest[],
): Promise<number> {
  const headers = { 'content-type': 'application/json; charset=utf-8' };
  const t0 = performance.now();
  for (const { name, body } of requests) {
    const res = await fetch(baseUrl + domcontrolImports[name].path, { method: 'POST', headers, body });
    const text = await res.text();
    if (res.status !== 201)
      throw new Error(`DomControl sandbox answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return (performance.now() - t0) / 1000;
}
