import type { EntityKindName } from '../../../domain/entity-kinds.js';
import type { Balance } from '../../../domain/model/balance.js';
import type { Meter } from '../../../domain/model/meter.js';
import type { Reading } from '../../../domain/model/reading.js';
import type { Transaction } from '../../../domain/model/transaction.js';
import type { CanonicalRow, OutboundStream, WireRecord } from '../../../engine/connector/connector.js';
import type { DomcontrolImport } from '../contract/domcontrol-paths.js';
import { accountsToWire } from './account-to-wire.js';
import { deliverImport } from './deliver-import.js';
import type { DomcontrolContext } from './domcontrol-context.js';
import type { DomcontrolCredentials } from './domcontrol-credentials.js';
import {
  DOMCONTROL_MAX_BATCH,
  DOMCONTROL_MAX_BYTES,
  type DomcontrolSettings,
} from './domcontrol-settings.js';
import { mapCounter } from './map-counter.js';
import { mapBalance, mapTransaction } from './map-money.js';
import { mapReading } from './map-reading.js';
import { MappingRefusal } from './mapping-refusal.js';
import { servicesToWire } from './services-to-wire.js';
import { wireText } from './wire-text.js';

type Stream = OutboundStream<DomcontrolSettings, DomcontrolCredentials>;
type ToWire = Stream['toWire'];

/**
 * A stream whose payload is its record and the settings alone. Seed 002 has no delete call, so a
 * deleted record is not sent (the platform keeps what it has); a record the mapping refuses
 * becomes a record error.
 */
function selfContained(map: (data: unknown, settings: DomcontrolSettings) => unknown): ToWire {
  return async (rows: readonly CanonicalRow[], ctx: DomcontrolContext) => {
    const records: WireRecord[] = [];
    const rejected: Array<{ key: string; code: string; message: string }> = [];
    for (const row of rows) {
      if (row.deleted) continue;
      const payload = map(row.data, ctx.connection.settings);
      if (payload instanceof MappingRefusal)
        rejected.push({ key: row.key, code: payload.code, message: payload.message });
      else records.push({ key: row.key, op: 'upsert', payload });
    }
    return { records, rejected };
  };
}

/**
 * What each import refers to (seed 002: a counter, balance or transaction names its account and
 * service, a reading its counter; check-import refuses an id not imported yet with
 * `unknown_reference`), and what an account's address needs in the hub. A refusal for one of them
 * is sent again once records of that kind arrive or are delivered (the engine's heal-refusals).
 */
const DEPENDENCY_ERRORS: Partial<Record<EntityKindName, Record<string, readonly string[]>>> = {
  account: { premise_missing: ['premise'], house_missing: ['house', 'premise'] },
  meter: { unknown_reference: ['account', 'service'] },
  reading: { unknown_reference: ['meter'] },
  balance: { unknown_reference: ['account', 'service'] },
  transaction: { unknown_reference: ['account', 'service'] },
};

function stream(kind: EntityKindName, name: DomcontrolImport, toWire: ToWire, self: boolean): Stream {
  const dependencyErrors = DEPENDENCY_ERRORS[kind];
  return {
    kind,
    selfContained: self,
    ...(dependencyErrors ? { dependencyErrors } : {}),
    // seed 002 answers every import "400–500 Ошибка при импорте": a 500 may be one record's fault.
    serverErrorsMayBeData: true,
    limits: { maxRecords: DOMCONTROL_MAX_BATCH, maxBytes: DOMCONTROL_MAX_BYTES },
    toWire,
    // The platform's measure: the item's JSON text and its comma.
    sizeOf: (record) => Buffer.byteLength(wireText(record.payload)) + 1,
    deliver: (batch, ctx) => deliverImport(name, batch, ctx),
  };
}

/**
 * Seed 002's imports in dependency order: services and accounts before the counters that name
 * them, counters before their readings, then balances and transactions (account × service).
 */
export const domcontrolOutbound: readonly Stream[] = [
  // The organization's own name comes from the store: not self-contained (services are few).
  stream('service', 'services', servicesToWire, false),
  // The address comes from the premise and the house: declared, so a re-sync maps again only the
  // accounts changed since or whose premise or house changed.
  {
    ...stream('account', 'accounts', accountsToWire, false),
    dependsOn: [
      { kind: 'premise', field: 'premiseId' },
      { kind: 'house', from: 'premise', field: 'houseId' },
    ],
  },
  stream(
    'meter',
    'counters',
    selfContained((d) => mapCounter(d as Meter)),
    true,
  ),
  stream(
    'reading',
    'readings',
    selfContained((d) => mapReading(d as Reading)),
    true,
  ),
  stream(
    'balance',
    'balances',
    selfContained((d, s) => mapBalance(d as Balance, s.signs)),
    true,
  ),
  stream(
    'transaction',
    'transactions',
    selfContained((d, s) => mapTransaction(d as Transaction, s)),
    true,
  ),
];
