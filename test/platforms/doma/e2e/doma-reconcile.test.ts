import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../support/test-stores.js';
import {
  DOMA_ORG,
  type DomaFixture,
  domaSuite,
  putFlats,
  putRecords,
  receiptInput,
  syncOnce,
} from './doma-fixture.js';

const UNKNOWN_CATEGORY = '00000000-0000-4000-8000-0000000000c1';

/** Changes the platform's side through the sandbox's admin routes, as the УК's staff would. */
async function admin(f: DomaFixture, path: string, body: unknown) {
  const res = await fetch(`${f.sandbox.url}/_sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

async function report(f: DomaFixture) {
  const found = await f.engine.reconcile(f.org, f.connectionId);
  if (!found) throw new Error('no such connection');
  return found.report;
}

const key = (account: string, category = 'housing') => `${account}/2024-01/${category}`;

describe.each(storeKinds)('Doma.ai reconciliation (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('names exactly the receipts changed or deleted on the platform, and --fix repairs them', async () => {
    const f = await suite.start();
    const accounts = await putFlats(f, 4);
    await putRecords(
      f,
      'receipt',
      accounts.map((a) => receiptInput(a)),
    );
    expect((await syncOnce(f, { kinds: ['receipt'] })).state).toBe('succeeded');

    const before = await report(f);
    expect(before.kinds.find((k) => k.kind === 'receipt')).toEqual({
      kind: 'receipt',
      live: 4,
      confirmed: 4,
      pending: 0,
      refused: {},
      deletedPending: 0,
      notCarried: 0,
    });
    expect(before.remote.find((r) => r.kind === 'receipt')).toMatchObject({
      read: 4,
      compared: 4,
      differences: [],
    });
    expect(before.clean).toBe(true);

    const [a, b] = accounts as [string, string];
    await admin(f, 'receipts/change', { importId: key(a), toPay: '1.01' });
    await admin(f, 'receipts/delete', { importId: key(b) });

    const drifted = await report(f);
    expect(drifted.clean).toBe(false);
    // Locally nothing changed: the drift is the platform's.
    expect(drifted.kinds.find((k) => k.kind === 'receipt')).toMatchObject({ confirmed: 4, pending: 0 });
    const receipts = drifted.remote.find((r) => r.kind === 'receipt')!;
    expect(receipts).toMatchObject({ read: 3, compared: 4, onlyOnPlatform: 0, missing: 1, amountDiffers: 1 });
    expect(receipts.differences).toEqual([
      expect.objectContaining({ problem: 'amount_differs', key: key(a), ours: 30330, platform: 101 }),
      expect.objectContaining({ problem: 'missing', key: key(b), ours: 30330, platform: null }),
    ]);

    const fixed = await f.engine.reconcileFix(f.org, f.connectionId);
    expect(fixed?.resent).toEqual({ receipt: 2 });
    expect(fixed?.runs).toHaveLength(1);
    const run = await f.engine.execute(fixed!.runs[0]!.id);
    expect(run.state).toBe('succeeded');
    expect(run.sent).toBe(2);

    const live = f.sandbox.receipts().filter((r) => !r.deleted);
    expect(live.find((r) => r.importId === key(a))?.toPay).toBe('303.30000000');
    expect(live.find((r) => r.importId === key(b))?.toPay).toBe('303.30000000');
    const after = await report(f);
    expect(after.remote.find((r) => r.kind === 'receipt')).toMatchObject({ read: 4, differences: [] });
    expect(after.clean).toBe(true);
  });

  it('counts pending, refused by code and unpropagated deletions; names what only the platform holds and leaves it there', async () => {
    const f = await suite.start({ settings: { categories: { bogus: UNKNOWN_CATEGORY } } });
    const accounts = await putFlats(f, 4);
    const [a, b, c, d] = accounts as [string, string, string, string];
    await putRecords(f, 'receipt', [
      receiptInput(a),
      receiptInput(b),
      receiptInput(c),
      receiptInput(d, { category: 'bogus' }),
      receiptInput('99999'),
    ]);
    await putRecords(f, 'meter', [{ id: 'm1', accountNumber: a, resource: 'cold_water', number: 'CW-1' }]);
    expect((await syncOnce(f, { direction: 'outbound' })).state).toBe('partial');

    // Changed in the billing since (pending), deleted in the billing and not yet synced.
    await putRecords(f, 'receipt', [receiptInput(a, { balance: '100.00' })]);
    const { deleteRecords } = await import('../../../../src/store/record-store.js');
    await deleteRecords(f.store.db, f.org, 'receipt', [key(b)]);
    // Loaded into the context by someone else; a meter the УК's staff added in the CRM.
    await admin(f, 'receipts', { like: key(c), importId: 'foreign-1', toPay: '5.00' });
    const staff = f.sandbox.addStaffMeter({
      organizationId: DOMA_ORG,
      address: 'г Москва, ул Маломосковская, д 14',
      unitName: '3',
      accountNumber: c,
      number: 'EL-STAFF',
      resource: 'electricity',
    });

    const r = await report(f);
    expect(r.kinds.find((k) => k.kind === 'receipt')).toEqual({
      kind: 'receipt',
      live: 4,
      confirmed: 1,
      pending: 1,
      refused: { BILLING_CATEGORY_NOT_FOUND: 1, address_unknown: 1 },
      deletedPending: 1,
      notCarried: 0,
    });
    expect(r.kinds.find((k) => k.kind === 'meter')).toMatchObject({ live: 1, confirmed: 1, pending: 0 });
    const receipts = r.remote.find((x) => x.kind === 'receipt')!;
    // Only c is confirmed as it is: a is pending and b deleted here, so neither is compared.
    expect(receipts).toMatchObject({ read: 4, compared: 1, onlyOnPlatform: 1, missing: 0, amountDiffers: 0 });
    expect(receipts.differences).toEqual([
      {
        problem: 'only_on_platform',
        key: 'foreign-1',
        platformId: expect.any(String),
        label: `${c} 2024-01`,
        ours: null,
        platform: 500,
      },
    ]);
    const meters = r.remote.find((x) => x.kind === 'meter')!;
    expect(meters).toMatchObject({ compared: 1, onlyOnPlatform: 1, missing: 0 });
    expect(meters.differences).toEqual([
      expect.objectContaining({ problem: 'only_on_platform', key: null, platformId: staff.id }),
    ]);

    // The fix sends nothing for them: only the platform holds them, and nothing of ours differs there.
    const fixed = await f.engine.reconcileFix(f.org, f.connectionId);
    expect(fixed?.resent).toEqual({});
    expect(fixed?.runs).toEqual([]);
    expect(f.sandbox.receipts().some((x) => x.importId === 'foreign-1' && !x.deleted)).toBe(true);
  });

  it('a platform that cannot be read back leaves the local part standing, with the reason', async () => {
    const f = await suite.start();
    const accounts = await putFlats(f, 2);
    await putRecords(
      f,
      'receipt',
      accounts.map((a) => receiptInput(a)),
    );
    expect((await syncOnce(f, { kinds: ['receipt'] })).state).toBe('succeeded');
    f.sandbox.setFaults({ errorRate: 1 });
    const r = await report(f);
    expect(r.kinds.find((k) => k.kind === 'receipt')).toMatchObject({ live: 2, confirmed: 2, pending: 0 });
    expect(r.remote).toEqual([]);
    // The first stream read back (meters come before receipts) stops the remote part.
    expect(r.remoteError).toMatch(/^meter: gave up after \d+ attempts: .*500/);
    expect(r.clean).toBe(false);
    // Nothing is sent again on a report it could not make.
    const fixed = await f.engine.reconcileFix(f.org, f.connectionId);
    expect(fixed?.runs).toEqual([]);
  });
});
