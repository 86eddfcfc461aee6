import { describe, expect, it } from 'vitest';
import { listRecordErrors } from '../../../../src/store/record-error-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import { domaSuite, putFlats, putRecords, receiptInput, syncOnce } from './doma-fixture.js';

describe.each(storeKinds)('Doma.ai auth, rate limit and access (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('checks a connection by logging in and reading one meter of the organisation', async () => {
    const f = await suite.start();
    expect(await f.engine.check(f.org, f.connectionId)).toMatchObject({ ok: true, platform: 'doma' });
  });

  it('logs in again when the token expires in the middle of a sync, and every receipt lands', async () => {
    const f = await suite.start({
      sandbox: { tokenTtlMs: 300, latencyMs: 40 },
      sync: { maxBatchRecords: 2 },
    });
    const accounts = await putFlats(f, 24);
    await putRecords(
      f,
      'receipt',
      accounts.map((a) => receiptInput(a)),
    );
    const run = await syncOnce(f, { kinds: ['receipt'] });
    expect(run.state).toBe('succeeded');
    expect(run.sent).toBe(24);
    expect(f.sandbox.receipts()).toHaveLength(24);
    // 12 batches; the calls refused with UNAUTHENTICATED were made again after a new login.
    expect(run.requests).toBeGreaterThan(12);
  });

  it('waits for x-rate-limit-complexity-reset on TOO_MANY_REQUESTS (HTTP 400 without data), then goes on', async () => {
    // The sandbox's clock runs an hour minus 3 s behind until its quota is spent, then catches up:
    // its hour then ends 3 s after the first call — the reset its rate-limit answer announces.
    let offset = -(3600_000 - 3_000);
    const f = await suite.start({
      sandbox: { quota: 10, clock: () => new Date(Date.now() + offset) },
      sync: { maxBatchRecords: 2 },
    });
    const accounts = await putFlats(f, 6);
    await putRecords(
      f,
      'receipt',
      accounts.map((a) => receiptInput(a)),
    );
    const sandbox = f.sandbox;
    const catchUp = setInterval(() => {
      if (sandbox.receipts().length >= 4) offset = 0;
    }, 10);
    const run = await syncOnce(f, { kinds: ['receipt'] }).finally(() => clearInterval(catchUp));
    expect(run.lastError).toBeNull();
    expect(run.state).toBe('succeeded');
    expect(f.sandbox.receipts()).toHaveLength(6);
    expect(run.requests).toBe(4); // three mutations at 5 points against a quota of 10: one waited
  });

  it('stops on a wrong password or a billing context the user may not use: a connection problem, not retried', async () => {
    const wrong = await suite.start({ credentials: { email: 'bridge@sandbox.doma.ai', password: 'wrong' } });
    await putFlats(wrong, 1).then(([a]) => putRecords(wrong, 'receipt', [receiptInput(a!)]));
    expect(await wrong.engine.check(wrong.org, wrong.connectionId)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/email or password was refused/),
    });
    const refused = await syncOnce(wrong, { kinds: ['receipt'] });
    expect(refused.state).toBe('failed');
    expect(refused.lastError).toMatch(/connection problem.*email or password was refused/);

    const f = await suite.start({ settings: { billingContextId: '00000000-0000-4000-8000-00000000dead' } });
    await putFlats(f, 1).then(([a]) => putRecords(f, 'receipt', [receiptInput(a!)]));
    const denied = await syncOnce(f, { kinds: ['receipt'] });
    expect(denied.state).toBe('failed');
    expect(denied.lastError).toMatch(/connection problem.*billing context/);
    // Not turned into record errors (the records are fine), and nothing reached the platform.
    expect(await listRecordErrors(f.store.db, f.org, { limit: 5 })).toEqual([]);
    expect(f.sandbox.receipts()).toEqual([]);
  });
});
