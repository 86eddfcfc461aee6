import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '../../../src/store/operation-store.js';
import { call } from '../../support/test-hub.js';
import { storeKinds } from '../../support/test-stores.js';
import { type Is74World, ORG, put, startIs74World, USER } from './is74-fixture.js';

const FINAL = ['succeeded', 'partial', 'failed', 'cancelled'];

describe.each(storeKinds)('is74 sync on change on %s', (kind) => {
  let w: Is74World;
  /** The runs the billing's writes started, once every run is final. */
  const settledChangeRuns = async (atLeast: number) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const runs = await listOperations(w.hub.store.db, {
        connectionId: w.connectionId,
        type: 'run',
        limit: 50,
      });
      const change = runs.filter((r) => r.trigger === 'change');
      if (change.length >= atLeast && runs.every((r) => FINAL.includes(r.state))) return change.length;
      if (Date.now() > deadline) throw new Error(`change runs: ${change.length}, want ${atLeast}`);
      await sleep(100);
    }
  };
  beforeAll(async () => {
    w = await startIs74World(kind, true);
    w.sandbox.setServicePermissions('domofon', ['open_from_app']);
    w.sandbox.setThreshold('is74-domofon', -10000);
    // Loading the billing's data was a change too: its run comes first.
    await settledChangeRuns(1);
    expect(await w.sandbox.login(USER.login, USER.password)).toBe(USER.id);
  });
  afterAll(async () => {
    await w?.hub.close();
    await w?.sandbox.close();
  });

  it('calls the core back after a billing write without an explicit sync, one run per window', async () => {
    expect(w.sandbox.permissions(USER.id).reason).toBe('granted');
    const runsBefore = await settledChangeRuns(1);
    const before = w.sandbox.state.callbacks.length;
    // Two writes in one window: one run, one coalesced callback.
    await put(w.hub, 'balances', [
      { accountNumber: '1595-1', serviceId: 'domofon', date: '2025-03-01', amount: '500.00' },
    ]);
    await put(w.hub, 'balances', [
      { accountNumber: '1595-2', serviceId: 'video', date: '2025-03-01', amount: '1.00' },
    ]);
    expect(await settledChangeRuns(runsBefore + 1)).toBe(runsBefore + 1);
    expect(w.sandbox.permissions(USER.id).reason).toBe('balance_below_threshold');
    expect(w.sandbox.state.callbacks.slice(before).map((c) => c.body)).toEqual([{ user_ext_id: USER.id }]);

    // The same data sent again changes nothing and starts nothing.
    await put(w.hub, 'balances', [
      { accountNumber: '1595-1', serviceId: 'domofon', date: '2025-03-01', amount: '500.00' },
    ]);
    await sleep(1500);
    expect(await settledChangeRuns(runsBefore + 1)).toBe(runsBefore + 1);
  });

  it('a change of an is74 user’s accounts starts the run too: the core drops the unlinked contract', async () => {
    const runsBefore = await settledChangeRuns(1);
    const before = w.sandbox.state.callbacks.length;
    const r = await call(w.hub, 'POST', `/v1/orgs/${ORG}/is74/users`, {
      json: [{ ...USER, accountNumbers: ['1595-2'] }],
    });
    expect(r.body).toMatchObject({ updated: 1 });
    expect(await settledChangeRuns(runsBefore + 1)).toBe(runsBefore + 1);
    expect(w.sandbox.state.callbacks.slice(before).map((c) => c.body)).toEqual([{ user_ext_id: USER.id }]);
    expect(w.sandbox.state.users.get(USER.id)!.contracts.map((c) => c.ext_id)).toEqual(['c2']);
  });
});
