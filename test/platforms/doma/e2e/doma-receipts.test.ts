import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../../src/engine/connector/connector.js';
import { domaConnector } from '../../../../src/platforms/doma/client/doma-connector.js';
import { receiptsStream } from '../../../../src/platforms/doma/client/receipts-stream.js';
import { listIds } from '../../../../src/store/id-map-store.js';
import { listRecordErrors } from '../../../../src/store/record-error-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import { domaSuite, putFlats, putRecords, receiptInput, syncOnce } from './doma-fixture.js';

const UNKNOWN_CATEGORY = '00000000-0000-4000-8000-0000000000c1';

describe.each(storeKinds)('Doma.ai receipts end to end (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('publishes receipts, refuses the bad ones record by record, maps ids, and re-sends nothing unchanged', async () => {
    const f = await suite.start({ settings: { categories: { bogus: UNKNOWN_CATEGORY } } });
    const accounts = await putFlats(f, 6);
    await putRecords(f, 'receipt', [
      ...accounts.slice(0, 4).map((a) => receiptInput(a)),
      // The platform does not know this category: its answer is null + BILLING_CATEGORY_NOT_FOUND.
      receiptInput(accounts[4]!, { category: 'bogus' }),
      // No such account in the hub: refused before sending (Doma.ai needs the address).
      receiptInput('99999', {}),
    ]);
    const run = await syncOnce(f, { kinds: ['receipt'] });
    expect(run.state).toBe('partial');
    expect(run.sent).toBe(4);
    expect(run.failed).toBe(2);
    const landed = f.sandbox.receipts();
    expect(landed.map((r) => r.importId).sort()).toEqual(
      accounts.slice(0, 4).map((a) => `${a}/2024-01/housing`),
    );
    const first = landed.find((r) => r.accountNumber === accounts[0])!;
    expect(first).toMatchObject({
      period: '2024-01-01',
      toPay: '303.30000000',
      unitName: '1',
      fullName: 'Жилец Номер 1',
    });
    expect(first.toPayDetails).toMatchObject({ balance: '-12.30000000' });

    const errors = await listRecordErrors(f.store.db, f.org, { connectionId: f.connectionId, limit: 10 });
    const codes = Object.fromEntries(errors.map((e) => [e.key, e.code]));
    expect(codes).toEqual({
      [`${accounts[4]}/2024-01/bogus`]: 'BILLING_CATEGORY_NOT_FOUND',
      '99999/2024-01/housing': 'address_unknown',
    });
    const ids = await listIds(f.store.db, f.connectionId, { entity: 'receipt', limit: 10 });
    expect(ids.map((i) => i.platformId).sort()).toEqual(landed.map((r) => r.id).sort());

    const writes = f.sandbox.writeCount();
    const again = await syncOnce(f, { kinds: ['receipt'] });
    expect(again.sent).toBe(0);
    expect(again.requests).toBe(0);
    expect(f.sandbox.writeCount()).toBe(writes);

    // A changed amount goes out again and updates the same receipt (upsert by importId).
    await putRecords(f, 'receipt', [receiptInput(accounts[0]!, { balance: '100.00' })]);
    const changed = await syncOnce(f, { kinds: ['receipt'] });
    expect(changed.sent).toBe(1);
    expect(f.sandbox.receipts()).toHaveLength(4);
    expect(f.sandbox.receipts().find((r) => r.id === first.id)?.toPayDetails).toMatchObject({
      balance: '100.00000000',
    });
  });

  it('sizes batches by the platform measure: 1000 receipts of 12 services land in several calls, none refused for size', async () => {
    const f = await suite.start();
    const accounts = await putFlats(f, 1000);
    await putRecords(
      f,
      'receipt',
      accounts.map((a) => receiptInput(a, {}, 12)),
    );
    const run = await syncOnce(f, { kinds: ['receipt'] });
    expect(run.state).toBe('succeeded');
    expect(run.sent).toBe(1000);
    expect(run.requests).toBeGreaterThan(1);
    expect(f.sandbox.receipts()).toHaveLength(1000);
  });

  it('splits a batch the platform finds too large (VARIABLES_SIZE_EXCEEDED) until every receipt lands', async () => {
    // The same connector with its byte limit lifted, as if production's limit were lower than ours.
    const loose: Connector = {
      ...(domaConnector as Connector),
      outbound: [
        {
          ...(receiptsStream as never as Connector['outbound'][number]),
          limits: { maxRecords: 1000, maxBytes: 64 * 1024 * 1024 },
        },
      ],
    };
    const f = await suite.start({ connector: loose });
    const accounts = await putFlats(f, 400);
    await putRecords(
      f,
      'receipt',
      accounts.map((a) => receiptInput(a, {}, 12)),
    );
    const run = await syncOnce(f, { kinds: ['receipt'] });
    expect(run.state).toBe('succeeded');
    expect(run.sent).toBe(400);
    expect(f.sandbox.receipts()).toHaveLength(400);
    // One refused whole request at least, then its halves.
    expect(run.requests).toBeGreaterThanOrEqual(3);
  });
});
