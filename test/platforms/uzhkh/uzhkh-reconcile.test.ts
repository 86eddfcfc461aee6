import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../support/test-stores.js';
import { syncOnce, type UzhkhFixture, uzhkhSuite } from './uzhkh-fixture.js';

/** Changes the platform's side through the sandbox's admin routes. */
async function admin(f: UzhkhFixture, path: string, body: unknown) {
  const res = await fetch(`${f.sandbox.url}/_sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string };
}

async function payments(f: UzhkhFixture) {
  const found = await f.engine.reconcile(f.org, f.connectionId);
  const p = found?.report.remote.find((r) => r.kind === 'payment');
  if (!found || !p) throw new Error('no payment comparison');
  return { report: found.report, p };
}

describe.each(storeKinds)('«Умное ЖКХ» reconciliation: the full download beside the inbox (%s)', (kind) => {
  const { start } = uzhkhSuite(kind, 'uk-uzhkh-rec');

  it('names the payments the inbox lacks, those the platform no longer holds and sums that differ', async () => {
    const f = await start();
    const houses = f.sandbox.seedHouses(1, 3); // payments P1..P3
    expect((await syncOnce(f, 'inbound')).state).toBe('succeeded');

    const clean = await payments(f);
    expect(clean.p).toMatchObject({ direction: 'inbound', read: 3, compared: 3, differences: [] });
    expect(clean.report.clean).toBe(true);

    // A payment made now (not pulled yet), a sum corrected behind the queue, a payment deleted.
    const paid = await admin(f, 'payment', { accountId: houses.accounts[0], sum: '99.90' });
    await admin(f, 'payment-correction', { id: 'P2', sum: '1.50' });
    await admin(f, 'delete', { entity: 'Payment', key: 'P3' });

    const drift = await payments(f);
    expect(drift.report.clean).toBe(false);
    expect(drift.p).toMatchObject({ read: 3, compared: 3, onlyOnPlatform: 1, missing: 1, amountDiffers: 1 });
    expect(drift.p.differences).toEqual([
      expect.objectContaining({ problem: 'amount_differs', key: 'payment:P2', ours: 100250, platform: 150 }),
      // Keyed by the id the hub will give it, as the download would land it.
      expect.objectContaining({
        problem: 'only_on_platform',
        key: expect.stringMatching(/^payment:zb-payment-/),
        platformId: paid.id,
        platform: 9990,
      }),
      expect.objectContaining({ problem: 'missing', key: 'payment:P3', platform: null }),
    ]);
    // The fix sends nothing: data the platform sends us is not ours to send again.
    const fixed = await f.engine.reconcileFix(f.org, f.connectionId);
    expect(fixed?.runs).toEqual([]);

    // Pulling the queue brings the new payment and the deletion: only the corrected sum is left.
    expect((await syncOnce(f, 'inbound')).state).toBe('succeeded');
    const after = await payments(f);
    expect(after.p).toMatchObject({ read: 3, onlyOnPlatform: 0, missing: 0, amountDiffers: 1 });
  });
});
