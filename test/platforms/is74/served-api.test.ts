import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthResponse } from '../../../src/platforms/is74/contract/auth-request.js';
import {
  ChargesResponse,
  ServicesResponse,
  TariffsResponse,
} from '../../../src/platforms/is74/contract/catalogue-response.js';
import { ContractsResponse } from '../../../src/platforms/is74/contract/contract-response.js';
import { UsersResponse } from '../../../src/platforms/is74/contract/user-response.js';
import { queryRows } from '../../../src/store/query-rows.js';
import { call } from '../../support/test-hub.js';
import { storeKinds } from '../../support/test-stores.js';
import { BILLING, type Is74World, ORG, provide, startIs74World, USER } from './is74-fixture.js';

describe.each(storeKinds)('is74 Data Provider API served by the hub on %s', (kind) => {
  let w: Is74World;
  beforeAll(async () => {
    w = await startIs74World(kind);
  });
  afterAll(async () => {
    await w?.hub.close();
    await w?.sandbox.close();
  });

  it('answers every method in the shape of the contract, money in kopecks with the is74 sign', async () => {
    const auth = await provide(w, '/api/auth', {
      method: 'POST',
      body: JSON.stringify({ login: USER.login, pswd: USER.password }),
    });
    expect(auth.status).toBe(200);
    expect(AuthResponse.parse(await auth.json())).toEqual({ ext_user_id: USER.id });

    const users = UsersResponse.parse(await (await provide(w, `/api/users?user_id=${USER.id}`)).json());
    expect(users).toEqual([
      {
        ext_user_id: USER.id,
        login: USER.login,
        password: USER.password,
        is_blocked: false,
        full_name: USER.fullName,
        phones: [{ number: '9090909090', confirmed: false }],
      },
    ]);

    const contracts = ContractsResponse.parse(
      await (await provide(w, `/api/contracts?user_id=${USER.id}`)).json(),
    );
    expect(contracts.map((c) => c.ext_id)).toEqual(['c1', 'c2']);
    expect(contracts[0]).toEqual({
      ext_id: 'c1',
      account: '1595-1',
      contract: '1595-1N',
      state: 2,
      // The billing's −369.00 ₽ (prepaid) is 36900 kopecks available.
      balance: 36900,
      address: 'г. Челябинск, ул. Ленина, 1',
      building_code: '08213690-eb4c-47a1-a509-bd9c3d5d65d8',
      region: 74,
      building_num: '1',
      flat: '92',
      options: [{ category_name: 'Доплата', name: 'Доплата за удалённый регион', hidden: true, value: 2000 }],
      tariffs: [
        {
          id: 'is74-domofon',
          options: [
            { category_name: 'Скидка', name: 'Скидка за регулярную оплату', hidden: false, value: -1000 },
          ],
        },
      ],
    });
    const one = ContractsResponse.parse(await (await provide(w, '/api/contracts?id=c2')).json());
    expect(one).toEqual([contracts[1]]);

    const tariffs = TariffsResponse.parse(await (await provide(w, '/api/tariffs')).json());
    expect(tariffs).toEqual([
      {
        id: 'is74-domofon',
        name: 'Домофония',
        services: [{ id: 'domofon' }],
        description: 'Домофон с открытием из приложения',
        cost: 6500,
        link: 'https://uk.example/tariff/domofon',
      },
      { id: 'is74-snow', name: 'Снежный', services: [{ id: 'domofon' }], without_cost: true },
      { id: 'is74-video', name: 'Видеонаблюдение', services: [{ id: 'video' }], cost: 9000 },
    ]);
    // Only the services of the published tariffs: not the billing's heating.
    const services = ServicesResponse.parse(await (await provide(w, '/api/services')).json());
    expect(services.map((s) => s.id)).toEqual(['domofon', 'video']);

    const charges = ChargesResponse.parse(
      await (await provide(w, `/api/charges?user_id=${USER.id}&limit=1`)).json(),
    );
    expect(charges).toEqual([
      { account: '1595-1', cost: 6500, period: '01-25', description: 'Начисления (intercom) за январь 2025' },
    ]);
    const all = ChargesResponse.parse(await (await provide(w, `/api/charges?user_id=${USER.id}`)).json());
    expect(all.map((c) => c.period)).toEqual(['01-25', '12-24']);
  });

  it('answers 404 with an empty body for unknown ids', async () => {
    for (const path of [
      '/api/users?user_id=nobody',
      '/api/contracts?user_id=nobody',
      '/api/contracts?id=no-such-contract',
      '/api/charges?user_id=nobody&limit=1',
    ]) {
      const res = await provide(w, path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe('');
    }
  });

  it('answers a malformed query 400 with an empty body, never reaching the store', async () => {
    for (const path of [
      `/api/users?user_id=${USER.id}&user_id=${USER.id}`,
      '/api/users?user_id=%00',
      '/api/users',
      `/api/contracts?user_id=${USER.id}&user_id=other`,
      '/api/contracts?id=c1&id=c2',
      '/api/contracts?user_id=%00',
      '/api/contracts?id=%00',
      '/api/contracts?user_id=',
      `/api/contracts?user_id=${USER.id}&id=c1`,
      '/api/contracts',
      '/api/charges?user_id=%00',
      `/api/charges?user_id=${USER.id}&user_id=x`,
      `/api/charges?user_id=${USER.id}&limit=0`,
      `/api/charges?user_id=${USER.id}&limit=1.5`,
      `/api/charges?user_id=${USER.id}&limit=1&limit=2`,
    ]) {
      const res = await provide(w, path);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toBe('');
    }
    // The document's error for a login it cannot read is 401, whatever is wrong with it.
    const nul = await provide(w, '/api/auth', {
      method: 'POST',
      body: JSON.stringify({ login: '\u0000', pswd: USER.password }),
    });
    expect(nul.status).toBe(401);
  });

  it('serves typed option values: money in kopecks, flags as 1, and refuses what it cannot serve', async () => {
    const options = [
      { category: 'Доплата', name: 'Доплата', type: 'money', value: '20.50' },
      { category: 'Домофон', name: 'Подъезд', type: 'integer', value: 3 },
      { category: 'Settings', name: 'services_suspended_pending_payment', type: 'flag', value: true },
    ];
    const ok = await call(w.hub, 'POST', `/v1/orgs/${ORG}/contracts`, {
      json: [{ ...BILLING.contracts[1], options }],
    });
    expect(ok.body).toMatchObject({ updated: 1, rejected: 0 });
    const [c2] = ContractsResponse.parse(await (await provide(w, '/api/contracts?id=c2')).json());
    expect(c2!.options.map((o) => o.value)).toEqual([2050, 3, 1]);
    // Read back through /v1 as written: money in rubles.
    const back = await call(w.hub, 'GET', `/v1/orgs/${ORG}/contracts/c2`);
    expect(back.body.data.options[0]).toMatchObject({ type: 'money', value: '20.50' });

    const bad = await call(w.hub, 'POST', `/v1/orgs/${ORG}/contracts`, {
      json: [
        { ...BILLING.contracts[1], options: [{ category: 'Доплата', name: 'Доплата', value: '20.50' }] },
        {
          ...BILLING.contracts[1],
          id: 'c9',
          options: [{ category: 'Тариф', name: 'Пакет', type: 'text', value: 'Космос' }],
        },
      ],
    });
    expect(bad.body.rejected).toBe(2);
    expect(
      bad.body.results.map((r: { errors: Array<{ code: string; path: string }> }) => r.errors[0]),
    ).toEqual([
      expect.objectContaining({ code: 'option_not_integer', path: 'options.0.value' }),
      expect.objectContaining({ code: 'option_not_servable', path: 'options.0.value' }),
    ]);
    // Nothing of the refused write is served: c2 keeps its options.
    const [still] = ContractsResponse.parse(await (await provide(w, '/api/contracts?id=c2')).json());
    expect(still!.options.map((o) => o.value)).toEqual([2050, 3, 1]);
  });

  it('refuses a wrong password or login with 401', async () => {
    for (const body of [
      { login: USER.login, pswd: 'wrong-password' },
      { login: 'no-such-login', pswd: USER.password },
      { login: USER.login },
    ]) {
      const res = await provide(w, '/api/auth', { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('');
    }
  });

  it('answers an unauthenticated platform call 401 and nothing else', async () => {
    for (const token of [null, 'wrong-token-0123456789', w.hub.adminToken]) {
      const res = await provide(w, `/api/users?user_id=${USER.id}`, { token });
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('');
    }
    const basic = await provide(w, '/api/tariffs', {
      token: null,
      headers: { authorization: `Basic ${Buffer.from(`x:${PROVIDER_PASSWORD}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });

  it('keeps passwords sealed at rest, never lists them, and writes nothing for an unchanged re-send', async () => {
    const rows = await queryRows<{ data: unknown; hash: string }>(
      w.hub.store.db,
      sql`SELECT data, hash FROM records WHERE org_id = ${ORG} AND kind = 'is74_user'`,
    );
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]!.data);
    expect(raw).not.toContain(USER.password);
    expect(raw).toMatch(/"password":"v1:/);

    const listed = await call(w.hub, 'GET', `/v1/orgs/${ORG}/is74/users`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.text).not.toContain(USER.password);
    expect(listed.text).not.toContain('v1:');
    expect(listed.body.items[0]).toMatchObject({
      id: USER.id,
      login: USER.login,
      accountNumbers: USER.accountNumbers,
    });

    const again = await call(w.hub, 'POST', `/v1/orgs/${ORG}/is74/users`, { json: [USER] });
    expect(again.body).toMatchObject({ unchanged: 1, updated: 0 });
    const after = await queryRows<{ hash: string }>(
      w.hub.store.db,
      sql`SELECT hash FROM records WHERE org_id = ${ORG} AND kind = 'is74_user'`,
    );
    expect(after[0]!.hash).toBe(rows[0]!.hash);
  });

  it('refuses a login that belongs to another user, naming the record and field', async () => {
    const r = await call(w.hub, 'POST', `/v1/orgs/${ORG}/is74/users`, {
      json: [
        { ...USER, id: 'other-user' },
        { id: 'third', login: 'third', password: 'x', phones: [{ number: 'not a phone' }] },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.rejected).toBe(2);
    expect(r.body.results[0]).toMatchObject({
      key: 'other-user',
      errors: [{ code: 'login_taken', path: 'login' }],
    });
    expect(r.body.results[1].errors[0].path).toBe('phones.0.number');
  });
});

const PROVIDER_PASSWORD = 'not-configured';
