import { DEPENDENCY_ORDER, type EntityKindName } from '../../../domain/entity-kinds.js';
import type { CanonicalRow, OutboundStream, WireRecord } from '../../../engine/connector/connector.js';
import { TESTBED_MAX_BODY_BYTES, TESTBED_MAX_ITEMS } from '../contract/testbed-paths.js';
import { deliverItems } from './deliver-items.js';
import type { TestbedCredentials } from './testbed-credentials.js';
import type { TestbedSettings } from './testbed-settings.js';

/** Dependency order: what a record refers to is delivered before it. */
const KINDS: readonly EntityKindName[] = DEPENDENCY_ORDER;

/**
 * The engine measures records one by one, but the body also holds `{"items":[`, `]}` and a comma
 * between records: keeping this much below the server's limit means a full batch never gets a 413.
 */
const ENVELOPE_ROOM = 16 + TESTBED_MAX_ITEMS;

/** Records go out as they are: the testbed stores any payload, so a deletion carries none. */
function toWire(rows: readonly CanonicalRow[]): Promise<{ records: WireRecord[] }> {
  const records = rows.map(
    (row): WireRecord => ({
      key: row.key,
      op: row.deleted ? 'delete' : 'upsert',
      payload: row.deleted ? {} : row.data,
    }),
  );
  return Promise.resolve({ records });
}

/** One stream per canonical kind, written to `/api/items/<kind>`. */
export const testbedOutbound: readonly OutboundStream<TestbedSettings, TestbedCredentials>[] = KINDS.map(
  (kind) => ({
    kind,
    // The payload is the record itself: unchanged records are skipped without being read.
    selfContained: true,
    limits: { maxRecords: TESTBED_MAX_ITEMS, maxBytes: TESTBED_MAX_BODY_BYTES - ENVELOPE_ROOM },
    toWire,
    deliver: (batch, ctx) => deliverItems(kind, batch, ctx),
  }),
);
