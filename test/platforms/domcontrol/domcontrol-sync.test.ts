import { afterEach, describe, expect, it } from 'vitest';
import { domcontrolConnector } from '../../../src/platforms/domcontrol/client/domcontrol-connector.js';
import { DOMCONTROL_IMPORT_ORDER } from '../../../src/platforms/domcontrol/contract/domcontrol-paths.js';
import { importItemSchemas } from '../../../src/platforms/domcontrol/contract/import-schemas.js';
import { upsertOrg } from '../../../src/store/org-store.js';
import { orgFixture } from '../../support/test-hub.js';
import { storeKinds } from '../../support/test-stores.js';
import { putSample } from './canonical-sample.js';
import { type DomcontrolFixture, ORG, startDomcontrolFixture } from './domcontrol-fixture.js';

describe.each(storeKinds)('DomControl sync end to end (%s)', (kind) => {
  let f: DomcontrolFixture | undefined;
  const start = async (opts: Parameters<typeof startDomcontrolFixture>[1] = {}) => {
    f = await startDomcontrolFixture(kind, opts);
    return f;
  };
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('delivers every import in reference order with the wire shapes of seed 002', async () => {
    expect(domcontrolConnector.outbound.map((s) => s.kind)).toEqual([
      'service',
      'account',
      'meter',
      'reading',
      'balance',
      'transaction',
    ]);
    const fx = await start({ settings: { organization: 'ООО «УК»', defaultTransactionService: 'hvs' } });
    await putSample(fx.put);
    const run = await fx.sync();
    expect(run).toMatchObject({ state: 'succeeded', sent: 12, failed: 0 });
    const items = (name: (typeof DOMCONTROL_IMPORT_ORDER)[number]) => [...fx.sandbox.items(name).values()];
    expect(items('services')).toEqual([
      // In key order, as the engine reads them.
      {
        id: 'el',
        organization: 'ПАО Энергосбыт',
        short_name: 'Электроснабжение',
        full_name: 'Электроснабжение',
      },
      { id: 'hvs', organization: 'ООО «УК»', short_name: 'ХВС', full_name: 'Холодное водоснабжение' },
    ]);
    expect(items('accounts')).toEqual([
      {
        id: 'LS-001',
        name: 'LS-001',
        address: 'г. Челябинск, ул. Молодёжная, д. 3, кв. 12',
        full_name: 'Иванова Анна Петровна',
        ownership: '50',
        square: '54.3',
        cadastral: '74:36:0101001:812',
        phone: '+79000000001',
        email: 'anna@example.ru',
      },
      {
        id: 'LS-002',
        name: 'LS-002',
        address: 'г. Челябинск, ул. Молодёжная, д. 3, м/м 7',
        full_name: '',
        ownership: '',
        square: '',
        cadastral: '',
        phone: '',
        email: '',
      },
    ]);
    expect(items('counters')).toEqual([
      {
        id: 'm1',
        name: '123',
        type: 'ХВС',
        account: 'LS-001',
        service: 'hvs',
        date_installation: '2020-01-31T00:00:00',
        date_removal: '0001-01-01T00:00:00',
        date_verification: '0001-01-01T00:00:00',
      },
      {
        id: 'm2',
        name: 'E-9',
        type: 'Электроэнергия',
        account: 'LS-002',
        service: 'el',
        date_installation: '0001-01-01T00:00:00',
        date_removal: '2024-05-01T00:00:00',
        date_verification: '0001-01-01T00:00:00',
      },
    ]);
    expect(items('readings')).toEqual([
      {
        date: '2024-01-25T00:00:00',
        counter: 'm1',
        current_data1: 12.345,
        current_data2: 0,
        current_data3: 0,
      },
      {
        date: '2024-01-25T00:00:00',
        counter: 'm2',
        current_data1: 100.1,
        current_data2: 50,
        current_data3: 0,
      },
    ]);
    // Money on the account: a debt of 1234.56 is -1234.56, an overpayment of 0.30 is 0.3.
    expect(items('balances')).toEqual([
      { account: 'LS-001', service: 'hvs', date: '2024-01-01T00:00:00', amount: -1234.56 },
      { account: 'LS-002', service: 'el', date: '2024-01-01T00:00:00', amount: 0.3 },
    ]);
    // A charge is negative, a payment positive; no service → the connection's default one.
    expect(items('transactions')).toEqual([
      { account: 'LS-001', date: '2024-01-01T00:00:00', amount: -2600, service: 'hvs' },
      { account: 'LS-001', date: '2024-01-15T00:00:00', amount: 1000.1, service: 'hvs' },
    ]);
    for (const name of DOMCONTROL_IMPORT_ORDER) {
      for (const item of items(name)) expect(importItemSchemas[name].safeParse(item).success).toBe(true);
    }
    expect(fx.sandbox.stats.refused).toBe(0);
  });

  it('sends nothing on an unchanged re-sync, and only what changed after an edit', async () => {
    const fx = await start();
    await putSample(fx.put);
    await fx.sync();
    const before = fx.sandbox.stats.requests;
    const again = await fx.sync();
    expect(again).toMatchObject({ state: 'succeeded', sent: 0, unchanged: 12 });
    expect(fx.sandbox.stats.requests).toBe(before);
    // The premise's number is part of the account's address: the account goes out again.
    await fx.put('premise', [{ id: 'p1', houseId: 'h1', type: 'flat', number: '12А', area: '54.30' }]);
    const edited = await fx.sync();
    expect(edited).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(fx.sandbox.stats.requests).toBe(before + 1);
    expect(fx.sandbox.items('accounts').get('LS-001')).toMatchObject({
      address: expect.stringMatching(/кв\. 12А$/),
      cadastral: '',
    });
  });

  it('bisects a refused batch: the bad record becomes a record error naming it, the rest land', async () => {
    const fx = await start();
    await putSample(fx.put);
    const meters = Array.from({ length: 10 }, (_, i) => ({
      id: `mx${i}`,
      accountNumber: 'LS-001',
      serviceId: i === 6 ? 'ghost' : 'hvs', // a service the platform never got
      resource: 'cold_water',
      number: `X${i}`,
    }));
    await fx.put('meter', meters);
    const run = await fx.sync(['service', 'account', 'meter']);
    expect(run).toMatchObject({ state: 'partial', failed: 1 });
    expect(fx.sandbox.items('counters').size).toBe(11); // m1, m2 and nine of ten
    expect(fx.sandbox.items('counters').has('mx6')).toBe(false);
    expect(await fx.openErrors('meter')).toEqual([
      {
        key: 'mx6',
        code: 'unknown_reference',
        message: expect.stringContaining('service "ghost" is not imported'),
      },
    ]);
    // In key order mx6 is 9th of 12: refused 12 → 6 ok + 6 refused → 3 refused + 3 ok → 2 ok + 1 refused.
    expect(fx.sandbox.stats.calls.counters).toBe(7);
    expect(fx.sandbox.stats.refused).toBe(4);
  });

  it('refuses what it cannot map before sending, and sends no deletions', async () => {
    const fx = await start();
    await putSample(fx.put);
    await fx.put('account', [{ number: 'LS-404', premiseId: 'nowhere' }]);
    await fx.put('meter', [{ id: 'm-free', accountNumber: 'LS-001', resource: 'gas', number: 'G' }]);
    const run = await fx.sync();
    // t2 has no service and the connection names no default one: seed 002 §6 lists `service`.
    expect(run).toMatchObject({ state: 'partial', failed: 3 });
    expect((await fx.openErrors()).map((e) => [e.key, e.code])).toEqual([
      ['LS-404', 'premise_missing'],
      ['m-free', 'service_missing'],
      ['t2', 'service_missing'],
    ]);
    expect((await fx.openErrors('transaction'))[0]!.message).toMatch(
      /names no service.*defaultTransactionService/,
    );
    expect([...fx.sandbox.items('transactions').values()]).toEqual([
      { account: 'LS-001', date: '2024-01-01T00:00:00', amount: -2600, service: 'hvs' },
    ]);
    expect(fx.sandbox.stats.refused).toBe(0); // nothing the platform would refuse was posted
    await fx.remove('service', ['el']);
    const before = fx.sandbox.stats.requests;
    expect(await fx.sync(['service'])).toMatchObject({ state: 'succeeded', sent: 0 });
    expect(fx.sandbox.stats.requests).toBe(before);
    expect(fx.sandbox.items('services').has('el')).toBe(true);
  });

  it('names every service\'s organization: its provider, else the organisation\'s own name — never ""', async () => {
    const fx = await start();
    await putSample(fx.put);
    expect(await fx.sync(['service'])).toMatchObject({ state: 'succeeded', sent: 2 });
    expect(
      [...fx.sandbox.items('services').values()].map((s) => (s as { organization: string }).organization),
    ).toEqual(['ПАО Энергосбыт', `ООО «УК ${ORG}»`]);
    // A renamed organisation re-sends the services that carry its name, and only those.
    await upsertOrg(fx.store.db, { ...orgFixture(ORG), name: 'ООО «УК Новая»' } as never);
    expect(await fx.sync(['service'])).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(fx.sandbox.items('services').get('hvs')).toMatchObject({ organization: 'ООО «УК Новая»' });
  });

  it('retries 5xx and 429 answers, then lands everything once', async () => {
    const fx = await start({ sandbox: { failNext: { count: 2, status: 503 } } });
    await fx.put('service', [{ id: 's1', name: 'Содержание' }]);
    expect(await fx.sync()).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(fx.sandbox.stats.faults.failNext).toBe(2);
    fx.sandbox.setFaults({ failNext: { count: 1, status: 429 } });
    await fx.put('service', [{ id: 's2', name: 'Вывоз ТКО' }]);
    expect(await fx.sync()).toMatchObject({ state: 'succeeded', sent: 1 });
    expect(fx.sandbox.stats.faults.failNext).toBe(3);
    expect(fx.sandbox.items('services').size).toBe(2);
  });

  it('splits requests by batchSize, flips signs on request, and uses bearer credentials', async () => {
    const fx = await start({
      sandbox: { auth: { mode: 'bearer', token: 'tok-1' } },
      settings: { auth: { mode: 'bearer' }, batchSize: 2, signs: 'debt', defaultTransactionService: 'hvs' },
      credentials: { token: 'tok-1' },
    });
    await putSample(fx.put);
    await fx.put(
      'service',
      ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `Услуга ${id}` })),
    );
    expect(await fx.sync()).toMatchObject({ state: 'succeeded', sent: 17 });
    expect(fx.sandbox.stats.calls.services).toBe(4); // 7 services, 2 a request
    expect(fx.sandbox.stats.unauthorized).toBe(0);
    expect([...fx.sandbox.items('balances').values()].map((b) => (b as { amount: number }).amount)).toEqual([
      1234.56, -0.3,
    ]);
    expect(await fx.engine.check('uk-domcontrol', fx.connectionId)).toMatchObject({ ok: true });
  });

  it('stops on refused credentials: a connection problem, not record errors', async () => {
    const fx = await start({
      sandbox: { auth: { mode: 'basic', user: 'uk', password: 'right' } },
      settings: { auth: { mode: 'basic' } },
      credentials: { user: 'uk', password: 'wrong' },
    });
    await fx.put('service', [{ id: 's1', name: 'Содержание' }]);
    const run = await fx.sync();
    expect(run.state).toBe('failed');
    expect(run.lastError).toMatch(/credentials/);
    expect(fx.sandbox.items('services').size).toBe(0);
    expect(await fx.engine.check('uk-domcontrol', fx.connectionId)).toMatchObject({
      ok: false,
      code: 'auth_rejected',
    });
  });
});
