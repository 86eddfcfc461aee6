import type { CanonicalRow, ConnectorContext } from '../engine/connector/connector.js';
import { planBatches } from '../engine/plan-batches.js';
import { domaSender } from '../platforms/doma/client/doma-sender.js';
import type { DomaSettings } from '../platforms/doma/client/doma-settings.js';
import { receiptsStream } from '../platforms/doma/client/receipts-stream.js';
import { LOGIN_DOCUMENT } from '../platforms/doma/contract/login.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT } from '../platforms/doma/contract/register-billing-receipts.js';
import type { Store } from '../store/open-store.js';
import { getLiveRecords, listRecords } from '../store/record-store.js';

/**
 * The request bodies the connector sends for the receipts, built in advance with its own mapping
 * and the engine's batch planner (count and the platform's byte measure): what the platform's raw
 * intake is measured on.
 */
export async function buildReceiptBodies(
  store: Store,
  orgId: string,
  settings: DomaSettings,
): Promise<string[]> {
  const ctx = {
    connection: { id: 'raw', orgId, platform: 'doma', settings },
    records: {
      get: (kind: string, keys: readonly string[]) => getLiveRecords(store.db, orgId, kind, keys),
    },
    ids: { platformIdOf: async () => undefined, keyOf: async () => undefined },
    session: new Map(),
    signal: new AbortController().signal,
  } as unknown as ConnectorContext<DomaSettings, never>;
  const sizeOf = receiptsStream.sizeOf!;
  const bodies: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listRecords(store.db, orgId, 'receipt', { after, limit: 1000 });
    if (page.length === 0) break;
    after = page[page.length - 1]!.key;
    const rows: CanonicalRow[] = page.map((r) => ({ key: r.key, data: r.data, deleted: false }));
    const { records } = await receiptsStream.toWire(rows, ctx as never);
    const sized = records.map((record) => ({ record, hash: '', bytes: sizeOf(record) }));
    // Batches are cut per page here; the engine carries a partial batch over to the next page, so
    // it may send a few requests fewer — in the raw loop's favour.
    for (const batch of planBatches(sized, receiptsStream.limits).batches) {
      bodies.push(
        JSON.stringify({
          query: REGISTER_BILLING_RECEIPTS_DOCUMENT,
          variables: {
            data: {
              ...domaSender(settings),
              context: { id: settings.billingContextId },
              receipts: batch.map((b) => b.record.payload),
            },
          },
        }),
      );
    }
    if (page.length < 1000) break;
  }
  return bodies;
}

/**
 * Logs in once, then posts the bodies with `inFlight` requests at a time (as many as the engine
 * keeps), reading each answer; answers the loop's seconds.
 */
export async function postReceiptBodies(
  apiUrl: string,
  creds: { email: string; password: string },
  bodies: readonly string[],
  inFlight: number,
): Promise<number> {
  const login = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN_DOCUMENT, variables: creds }),
  });
  const token = ((await login.json()) as { data?: { auth?: { token?: string } } }).data?.auth?.token;
  if (!token) throw new Error('raw intake: the sandbox refused the login');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await fetch(apiUrl, { method: 'POST', headers, body });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"'))
        throw new Error(`raw intake: ${res.status} ${text.slice(0, 300)}`);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (performance.now() - t0) / 1000;
}
