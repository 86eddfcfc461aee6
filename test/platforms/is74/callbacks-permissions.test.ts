import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listOperations } from '../../../src/store/operation-store.js';
import { call } from '../../support/test-hub.js';
import { storeKinds } from '../../support/test-stores.js';
import {
  BILLING,
  callbackReader,
  type Is74World,
  ORG,
  put,
  receipt,
  startIs74World,
  syncIs74,
  USER,
} from './is74-fixture.js';

const c1 = { options: [], ...BILLING.contracts[0]! };
const SUSPENDED = {
  category: 'Settings',
  name: 'services_suspended_pending_payment',
  hidden: false,
  type: 'flag',
  value: true,
};

describe.each(storeKinds)('is74 end to end: callbacks reach the core, permissions follow on %s', (kind) => {
  let w: Is74World;
  const newCallbacks = callbackReader(() => w);

  beforeAll(async () => {
    w = await startIs74World(kind);
    // The core's admin: «Домофония» opens doors and shows the intercom, blocked below −100 ₽.
    w.sandbox.setServicePermissions('domofon', ['open_from_app', 'intercom_live']);
    w.sandbox.setThreshold('is74-domofon', -10000);
    // The connection's first run calls nobody back: the core reads everything of a resident when
    // they sign in, so what the billing holds before that is news to no one.
    expect(await syncIs74(w.hub)).toMatchObject({ state: 'succeeded', sent: 0, requests: 0 });
    expect(newCallbacks()).toEqual([]);
    expect(await w.sandbox.login(USER.login, USER.password)).toBe(USER.id);
  });
  afterAll(async () => {
    await w?.hub.close();
    await w?.sandbox.close();
  });
  beforeEach(() => {
    expect(w.sandbox.state.violations).toEqual([]);
  });

  it('signs the resident in through the provider and grants the tariff’s permissions', () => {
    const u = w.sandbox.state.users.get(USER.id)!;
    expect(u.passwordHash).toMatch(/^scrypt:/);
    expect(u.passwordHash).not.toContain(USER.password);
    expect(u.contracts.map((c) => [c.ext_id, c.balance])).toEqual([
      ['c1', 36900],
      ['c2', 0],
    ]);
    expect(u.charges).toHaveLength(2);
    expect(w.sandbox.permissions(USER.id)).toMatchObject({
      permissions: ['open_from_app', 'intercom_live'],
      reason: 'granted',
    });
  });

  it('blocks when the billing lowers the balance below the threshold, and a payment restores', async () => {
    // 150 ₽ owed: −15000 available, below the −10000 threshold.
    await put(w.hub, 'balances', [
      { accountNumber: '1595-1', serviceId: 'domofon', date: '2025-02-01', amount: '150.00' },
    ]);
    const run = await syncIs74(w.hub);
    expect(run).toMatchObject({ state: 'succeeded', sent: 1, failed: 0 });
    // The first run took c1 as known without telling the core anything about it: its first change
    // goes to its users; later ones by its ext_id.
    expect(newCallbacks()).toEqual([
      {
        path: '/api/v1/mb/callback/contract',
        body: { user_ext_id: USER.id },
        outcome: 'pulled contracts of user',
      },
    ]);
    expect(w.sandbox.permissions(USER.id)).toMatchObject({
      permissions: [],
      reason: 'balance_below_threshold',
      tariffs: [{ contract: 'c1', tariff: 'is74-domofon', balance: -15000, threshold: -10000 }],
    });

    // A re-sync with nothing changed calls nobody.
    expect(await syncIs74(w.hub)).toMatchObject({ state: 'succeeded', sent: 0 });
    expect(newCallbacks()).toEqual([]);

    // The resident pays: the billing's new balance is 50 ₽ owed (−5000 ≥ −10000).
    await put(w.hub, 'balances', [
      { accountNumber: '1595-1', serviceId: 'domofon', date: '2025-02-02', amount: '50.00' },
    ]);
    await syncIs74(w.hub);
    expect(newCallbacks()).toHaveLength(1);
    expect(w.sandbox.permissions(USER.id)).toMatchObject({
      permissions: ['open_from_app', 'intercom_live'],
      reason: 'granted',
    });
  });

  it('blocks on the forced-suspension option whatever the balance', async () => {
    await put(w.hub, 'contracts', [{ ...c1, options: [...c1.options, SUSPENDED] }]);
    await syncIs74(w.hub);
    expect(newCallbacks().map((c) => c.body)).toEqual([{ ext_id: 'c1' }]);
    expect(w.sandbox.permissions(USER.id)).toMatchObject({
      permissions: [],
      reason: 'services_suspended_pending_payment',
    });
    await put(w.hub, 'contracts', [c1]);
    await syncIs74(w.hub);
    expect(newCallbacks().map((c) => c.body)).toEqual([{ ext_id: 'c1' }]);
    expect(w.sandbox.permissions(USER.id).reason).toBe('granted');
  });

  it('coalesces a bulk change of a user’s contracts into one {user_ext_id} callback', async () => {
    await put(
      w.hub,
      'contracts',
      BILLING.contracts.map((c) => ({ ...c, state: 'suspended' })),
    );
    const run = await syncIs74(w.hub);
    expect(run).toMatchObject({ state: 'succeeded', sent: 2 });
    expect(newCallbacks()).toEqual([
      {
        path: '/api/v1/mb/callback/contract',
        body: { user_ext_id: USER.id },
        outcome: 'pulled contracts of user',
      },
    ]);
    expect(w.sandbox.state.users.get(USER.id)!.contracts.map((c) => c.state)).toEqual([3, 3]);
    expect(w.sandbox.permissions(USER.id).reason).toBe('contract_not_connected');
    await put(w.hub, 'contracts', BILLING.contracts);
    await syncIs74(w.hub);
    expect(newCallbacks().map((c) => c.body)).toEqual([{ user_ext_id: USER.id }]);
    expect(w.sandbox.permissions(USER.id).reason).toBe('granted');
  });

  it('sends a charge callback when a new charge lands; the core pulls the charges', async () => {
    await put(w.hub, 'receipts', [receipt('1595-2', '2025-02', '90.00')]);
    await syncIs74(w.hub);
    expect(newCallbacks()).toEqual([
      { path: '/api/v1/mb/callback/charge', body: { user_ext_id: USER.id }, outcome: 'pulled charges' },
    ]);
    expect(w.sandbox.state.users.get(USER.id)!.charges[0]).toMatchObject({
      account: '1595-2',
      cost: 9000,
      period: '02-25',
    });
  });

  it('retries a callback the core fails by the engine policy, visible as operations', async () => {
    w.sandbox.state.faults.failCallbacks = 1;
    await put(w.hub, 'balances', [
      { accountNumber: '1595-2', serviceId: 'video', date: '2025-02-01', amount: '10.00' },
    ]);
    const run = await syncIs74(w.hub);
    expect(run).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(newCallbacks().map((c) => c.outcome)).toEqual(['fault 503', 'pulled contract']);
    const batches = await listOperations(w.hub.store.db, {
      connectionId: w.connectionId,
      type: 'batch',
      limit: 100,
    });
    expect(
      batches.some((b) => b.parentId === run.id && b.kind === 'is74_contract_view' && b.requests >= 2),
    ).toBe(true);
  });

  it('calls the contracts on a tariff back when the tariff’s options change', async () => {
    const video = BILLING.tariffs.find((t) => t.id === 'is74-video')!;
    await put(w.hub, 'tariffs', [
      { ...video, options: [{ category: 'Скидка', name: 'Скидка', value: '-500' }] },
    ]);
    expect(await syncIs74(w.hub)).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(newCallbacks().map((c) => c.body)).toEqual([{ ext_id: 'c2' }]);
    const c2 = w.sandbox.state.users.get(USER.id)!.contracts.find((c) => c.ext_id === 'c2')!;
    expect(c2.tariffs).toEqual([
      {
        id: 'is74-video',
        options: [{ category_name: 'Скидка', name: 'Скидка', hidden: false, value: -500 }],
      },
    ]);
  });

  it('gives every permission when no tariff of the organization carries any', async () => {
    w.sandbox.state.servicePermissions.clear();
    const d = w.sandbox.permissions(USER.id);
    expect(d.reason).toBe('organization_has_no_tariff_with_permissions');
    expect(d.permissions.length).toBeGreaterThan(10);
    w.sandbox.setServicePermissions('domofon', ['open_from_app', 'intercom_live']);
    w.sandbox.setEntrance(USER.id, false);
    expect(w.sandbox.permissions(USER.id)).toMatchObject({ permissions: [], reason: 'no_entrance_access' });
    w.sandbox.setEntrance(USER.id, true);
  });

  it('takes the contracts of a deleted user away at once, and calls nobody about them after', async () => {
    const gone = await call(w.hub, 'POST', `/v1/orgs/${ORG}/is74/users/delete`, {
      json: { keys: [USER.id] },
    });
    expect(gone.body).toEqual({ deleted: [USER.id] });
    // seed 003 §"CallBack" 2: the core reads the user's contracts again — there are none.
    expect(await syncIs74(w.hub)).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(newCallbacks()).toEqual([
      {
        path: '/api/v1/mb/callback/contract',
        body: { user_ext_id: USER.id },
        outcome: 'pulled contracts of user',
      },
    ]);
    expect(w.sandbox.state.users.get(USER.id)!.contracts).toEqual([]);
    expect(w.sandbox.permissions(USER.id)).toMatchObject({
      permissions: [],
      reason: 'no_tariff_with_permissions',
    });
    await put(w.hub, 'balances', [
      { accountNumber: '1595-1', serviceId: 'domofon', date: '2025-04-01', amount: '1.00' },
    ]);
    expect(await syncIs74(w.hub)).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(newCallbacks()).toEqual([]);
    // Back, with one account only: callbacks follow the user's accounts as they are now.
    await call(w.hub, 'POST', `/v1/orgs/${ORG}/is74/users`, {
      json: [{ ...USER, accountNumbers: ['1595-2'] }],
    });
    await syncIs74(w.hub);
    expect(newCallbacks().map((c) => c.body)).toEqual([{ user_ext_id: USER.id }]);
    expect(w.sandbox.state.users.get(USER.id)!.contracts.map((c) => c.ext_id)).toEqual(['c2']);
    await put(w.hub, 'balances', [
      { accountNumber: '1595-1', serviceId: 'domofon', date: '2025-04-02', amount: '2.00' },
    ]);
    await syncIs74(w.hub);
    expect(newCallbacks()).toEqual([]);
    await put(w.hub, 'balances', [
      { accountNumber: '1595-2', serviceId: 'video', date: '2025-04-02', amount: '2.00' },
    ]);
    await syncIs74(w.hub);
    expect(newCallbacks().map((c) => c.body)).toEqual([{ ext_id: 'c2' }]);
  });

  it('refuses a wrong password with 401 at the core too', async () => {
    const res = await fetch(`${w.sandbox.url}/_sandbox/login`, {
      method: 'POST',
      body: JSON.stringify({ login: USER.login, pswd: 'wrong-password' }),
    });
    expect(res.status).toBe(401);
  });
});
