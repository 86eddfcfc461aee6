import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import {
  type Is74Sandbox,
  startIs74Sandbox,
} from '../../../src/platforms/is74/sandbox/start-is74-sandbox.js';
import { call, startTestHub, type TestHub } from '../../support/test-hub.js';

export const ORG = 'uk-is74';
export const PROVIDER_TOKEN = 'provider-token-0123456789';
export const USER = {
  id: '58208891',
  login: '1595',
  password: 'Pa55-word-58208891',
  fullName: 'Жанна Владимировна',
  phones: [{ number: '9090909090' }],
  accountNumbers: ['1595-1', '1595-2'],
};
const recipient = { inn: '7736050003', kpp: '773601001', bik: '044525225', account: '40702810138250123017' };

export const receipt = (accountNumber: string, period: string, charge: string) => ({
  accountNumber,
  period,
  category: 'intercom',
  recipient,
  toPay: charge,
  charge,
});

/** The billing's data: two лицевых счёта of one resident, each with an is74 contract. */
export const BILLING = {
  houses: [
    {
      id: 'h1',
      address: 'г. Челябинск, ул. Ленина, 1',
      fiasGuid: '08213690-eb4c-47a1-a509-bd9c3d5d65d8',
      region: '74',
      buildingNumber: '1',
    },
  ],
  premises: [
    { id: 'p92', houseId: 'h1', number: '92' },
    { id: 'p93', houseId: 'h1', number: '93' },
  ],
  accounts: [
    { number: '1595-1', premiseId: 'p92' },
    { number: '1595-2', premiseId: 'p93' },
  ],
  services: [
    { id: 'domofon', name: 'Домофония' },
    { id: 'video', name: 'Видеонаблюдение' },
    { id: 'heat', name: 'Отопление' },
  ],
  tariffs: [
    {
      id: 'is74-domofon',
      name: 'Домофония',
      serviceId: 'domofon',
      description: 'Домофон с открытием из приложения',
      link: 'https://uk.example/tariff/domofon',
      cost: '65.00',
      options: [{ category: 'Скидка', name: 'Скидка за регулярную оплату', value: '-1000' }],
    },
    { id: 'is74-video', name: 'Видеонаблюдение', serviceId: 'video', cost: '90.00' },
    { id: 'is74-snow', name: 'Снежный', serviceId: 'domofon' },
    { id: 't-heat', name: 'Отопление', serviceId: 'heat', rate: '2500.10' },
  ],
  contracts: [
    {
      id: 'c1',
      accountNumber: '1595-1',
      number: '1595-1N',
      state: 'active',
      options: [
        {
          category: 'Доплата',
          name: 'Доплата за удалённый регион',
          hidden: true,
          type: 'money',
          value: '20.00',
        },
      ],
      tariffIds: ['is74-domofon'],
    },
    { id: 'c2', accountNumber: '1595-2', number: '1595-2N', state: 'active', tariffIds: ['is74-video'] },
  ],
  balances: [
    { accountNumber: '1595-1', serviceId: 'domofon', date: '2025-01-01', amount: '-369.00' },
    { accountNumber: '1595-2', serviceId: 'video', date: '2025-01-01', amount: '0' },
  ],
  receipts: [receipt('1595-1', '2024-12', '65.00'), receipt('1595-1', '2025-01', '65.00')],
};

export interface Is74World {
  hub: TestHub;
  sandbox: Is74Sandbox;
  connectionId: string;
  provider: string;
}

/** A hub with an engine and an is74 connection, the core sandbox pointed at it, the billing's data in. */
/** `syncOnChange` is off unless asked for: most tests sync explicitly, to count runs and callbacks. */
export async function startIs74World(kind: 'pglite' | 'postgres', syncOnChange = false): Promise<Is74World> {
  const sandbox = await startIs74Sandbox({ callbackUser: 'core', callbackPassword: 'cb-secret-1' });
  const hub = await startTestHub(kind, { orgs: [ORG], engine: true });
  const created = await call(hub, 'POST', `/v1/orgs/${ORG}/connections`, {
    json: {
      platform: 'is74',
      name: 'is74',
      settings: {
        coreUrl: sandbox.url,
        tariffIds: ['is74-domofon', 'is74-video', 'is74-snow'],
        syncOnChange,
      },
      credentials: { token: PROVIDER_TOKEN, callbackUser: 'core', callbackPassword: 'cb-secret-1' },
    },
  });
  expect(created.status, created.text).toBe(200);
  const connectionId = created.body.id as string;
  const provider = `${hub.url}/p/is74/${connectionId}`;
  sandbox.configure({ providerUrl: provider, providerToken: PROVIDER_TOKEN });
  for (const [plural, records] of Object.entries(BILLING)) await put(hub, plural, records);
  const users = await call(hub, 'POST', `/v1/orgs/${ORG}/is74/users`, { json: [USER] });
  expect(users.body.created, users.text).toBe(1);
  return { hub, sandbox, connectionId, provider };
}

export async function put(hub: TestHub, plural: string, records: unknown[]): Promise<void> {
  const r = await call(hub, 'POST', `/v1/orgs/${ORG}/${plural}`, { json: records });
  expect(r.status, r.text).toBe(200);
  expect(r.body.rejected, r.text).toBe(0);
}

const FINAL = ['succeeded', 'partial', 'failed', 'cancelled'];

/** Syncs the is74 connection through the API and waits for the run to be final. */
export async function syncIs74(hub: TestHub) {
  const started = await call(hub, 'POST', `/v1/orgs/${ORG}/sync`, { json: { platform: 'is74' } });
  expect(started.status, started.text).toBe(202);
  const id = started.body.runs[0].id;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await call(hub, 'GET', `/v1/orgs/${ORG}/runs/${id}`);
    if (FINAL.includes(r.body.state)) return r.body;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${r.body.state}`);
    await sleep(50);
  }
}

/** A reader of the callbacks the core took since the last call (path, body and what it did). */
export function callbackReader(world: () => Is74World) {
  let seen = 0;
  return () => {
    const all = world().sandbox.state.callbacks;
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh.map((c) => ({ path: c.path, body: c.body, outcome: c.outcome }));
  };
}

/** A served call as the platform makes it (with the provider token unless told otherwise). */
export function provide(world: Is74World, path: string, init: RequestInit & { token?: string | null } = {}) {
  const { token = PROVIDER_TOKEN, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (rest.body) headers.set('content-type', 'application/json');
  return fetch(`${world.provider}${path}`, { ...rest, headers });
}
