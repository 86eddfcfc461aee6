import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startUzhkhSandbox,
  type UzhkhSandbox,
} from '../../../src/platforms/uzhkh/sandbox/start-uzhkh-sandbox.js';
import { call, startTestHub, type TestHub } from '../../support/test-hub.js';
import { storeKinds } from '../../support/test-stores.js';
import type { Entry } from './uzhkh-fixture.js';

const ORG = 'uk-commands';

/** Waits until every run is final (the hub's engine runs them as jobs). */
async function waitRuns(hub: TestHub, ids: number[]) {
  const done = [];
  for (const id of ids) {
    for (let i = 0; ; i++) {
      const run = (await call(hub, 'GET', `/v1/orgs/${ORG}/runs/${id}`)).body;
      if (['succeeded', 'partial', 'failed', 'cancelled'].includes(run.state)) {
        done.push(run);
        break;
      }
      if (i > 200) throw new Error(`run ${id} did not finish`);
      await sleep(50);
    }
  }
  return done;
}

async function syncVia(hub: TestHub, connection: string, direction = 'both') {
  const started = await call(hub, 'POST', `/v1/orgs/${ORG}/sync`, { json: { connection, direction } });
  expect(started.status).toBe(202);
  return waitRuns(
    hub,
    started.body.runs.map((r: { id: number }) => r.id),
  );
}

describe.each(storeKinds)('«Умное ЖКХ» through the hub API on %s', (kind) => {
  let hub: TestHub | undefined;
  let sb: UzhkhSandbox | undefined;
  afterEach(async () => {
    await hub?.close();
    await sb?.close();
    hub = undefined;
    sb = undefined;
  });

  async function connect(idAssignment: 'hub' | 'billing') {
    hub = await startTestHub(kind, { orgs: [ORG], engine: true });
    sb = await startUzhkhSandbox({ demo: { houses: 2, flatsPerHouse: 5 } });
    const created = await call(hub, 'POST', `/v1/orgs/${ORG}/connections`, {
      json: {
        platform: 'uzhkh',
        name: 'uzhkh',
        credentials: { token: sb.token },
        settings: {
          baseUrl: sb.url,
          idAssignment,
          fullDownload: false,
          sync: { retry: { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 20 } },
        },
      },
    });
    expect(created.status).toBe(200);
    return created.body.id as string;
  }

  it('billing mode: temporary ids stay until the billing assigns ids; SetId answers become outcomes', async () => {
    const conn = await connect('billing');
    const day = sb!.demo!.day;
    const [run] = await syncVia(hub!, conn, 'inbound');
    expect(run.state).toBe('succeeded');
    const meters = (await call(hub!, 'GET', `/v1/orgs/${ORG}/inbox?kind=meter&limit=1000`)).body.items;
    const created = meters.find(
      (m: { payload: { meterId: string } }) => m.payload.meterId === day.newMeterId,
    );
    expect(created.payload.source.ids).toEqual({ uzhkh: day.newMeterId, id: day.newMeterId });
    expect(sb!.world().entities.get('Counter', day.newMeterId)).toBeDefined(); // Delete carried no objectId

    const answer = await call(hub!, 'POST', `/v1/orgs/${ORG}/connections/${conn}/uzhkh/ids`, {
      json: [
        { type: 'counter', uzhkhId: day.newMeterId, externalId: 'BILL-M-1' },
        { type: 'payment', uzhkhId: '--999', externalId: 'BILL-P-1' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ stored: 2, changed: 2 });
    const [idRun] = await waitRuns(hub!, answer.body.runs);
    expect(idRun).toMatchObject({ state: 'partial', sent: 1, failed: 1 });
    expect(sb!.world().entities.get('Counter', 'BILL-M-1')).toMatchObject({ SerialNumber: 'NEW-001' });
    const status = (await call(hub!, 'GET', `/v1/orgs/${ORG}/connections/${conn}/uzhkh/commands`)).body;
    expect(status).toEqual([
      expect.objectContaining({
        command: { type: 'counter', uzhkhId: day.newMeterId, externalId: 'BILL-M-1' },
        state: 'done',
      }),
      expect.objectContaining({
        state: 'rejected',
        code: 'uzhkh_not_found',
        message: expect.stringMatching(/SetId payment --999/),
      }),
    ]);
    const bad = await call(hub!, 'POST', `/v1/orgs/${ORG}/connections/${conn}/uzhkh/ids`, {
      json: [{ type: 'parcel', uzhkhId: '--1', externalId: 'X' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/type/);
  });

  it("billing mode: once the billing gives an object its id, records still carrying the `--` id read as the billing's", async () => {
    const conn = await connect('billing');
    const act = sb!.act();
    const resident = act.signUp({ surname: 'Зайцева', name: 'Ольга' });
    await syncVia(hub!, conn, 'inbound');
    const inboxOf = async (k: string) =>
      (await call(hub!, 'GET', `/v1/orgs/${ORG}/inbox?kind=${k}&limit=1000`)).body.items;
    // Until the billing decides, the object is known by its `--` id, everywhere.
    const mine = (items: Entry[]) =>
      items.filter(
        (i) =>
          Object.values(i.payload.source.record).includes('BILL-R-1') ||
          i.payload.source.record.Id === resident.id,
      );
    expect(mine(await inboxOf('resident'))[0]!.payload).toMatchObject({ residentId: resident.id });
    act.addCar({ residentId: resident.id, brand: 'Kia', model: 'Rio', number: 'В123ВВ69' });

    // The billing assigns; the car queued meanwhile still says `--N` — it reads as the billing's id.
    const assigned = await call(hub!, 'POST', `/v1/orgs/${ORG}/connections/${conn}/uzhkh/ids?sync=false`, {
      json: [{ type: 'resident', uzhkhId: resident.id, externalId: 'BILL-R-1' }],
    });
    expect(assigned.status).toBe(200);
    act.askToAddObject({ flatId: sb!.demo!.houses.flats[0]!, residentId: resident.id });
    await syncVia(hub!, conn, 'inbound');
    const [car] = mine(await inboxOf('car'));
    expect(car!.payload).toMatchObject({ residentId: 'BILL-R-1', plate: 'В123ВВ69' });
    expect(car!.payload.source.original).toEqual({
      ResidentId: resident.id,
    });
    const [adding] = mine(await inboxOf('object_adding_request'));
    expect(adding!.payload).toMatchObject({ residentId: 'BILL-R-1' });
    const ids = (await call(hub!, 'GET', `/v1/orgs/${ORG}/connections/${conn}/ids?entity=resident`)).body;
    expect(JSON.stringify(ids)).toContain('BILL-R-1');
  });

  it('registration decisions: the hub calls the Handle methods and records the outcome', async () => {
    const conn = await connect('hub');
    const day = sb!.demo!.day;
    await syncVia(hub!, conn, 'inbound');
    const requests = (await call(hub!, 'GET', `/v1/orgs/${ORG}/inbox?kind=registration_request`)).body.items;
    expect(requests.map((r: { payload: { requestId: string } }) => r.payload.requestId)).toEqual([
      day.registrationRequestId,
    ]);

    sb!.setFaults({ errorRate: 0.3 }); // the hub retries through 500s
    const answer = await call(hub!, 'POST', `/v1/orgs/${ORG}/connections/${conn}/uzhkh/decisions`, {
      json: [
        {
          request: 'register',
          requestId: day.registrationRequestId,
          approve: false,
          cause: 'Счёт не найден',
          notify: true,
        },
        {
          request: 'objectAdding',
          requestId: day.objectAddingRequestId,
          approve: true,
          accountNumber: '1000000002',
          notify: false,
        },
        { request: 'register', requestId: '424242', approve: true },
      ],
    });
    expect(answer.status).toBe(200);
    const [run] = await waitRuns(hub!, answer.body.runs);
    expect(run).toMatchObject({ sent: 2, failed: 1 });
    const states = sb!.state().requests;
    expect(states[day.registrationRequestId]).toMatchObject({
      state: 'rejected',
      cause: 'Счёт не найден',
      notificationSent: true,
    });
    expect(states[day.objectAddingRequestId]).toMatchObject({
      state: 'approved',
      accountNumber: '1000000002',
      notificationSent: false,
    });
    const status = (await call(hub!, 'GET', `/v1/orgs/${ORG}/connections/${conn}/uzhkh/commands`)).body;
    expect(status.map((s: { state: string }) => s.state).sort()).toEqual(['done', 'done', 'rejected']);

    // The same decisions again change nothing and call nothing.
    sb!.setFaults({ errorRate: 0 });
    const handles = sb!.stats.handles;
    const again = await call(hub!, 'POST', `/v1/orgs/${ORG}/connections/${conn}/uzhkh/decisions?sync=false`, {
      json: [
        {
          request: 'register',
          requestId: day.registrationRequestId,
          approve: false,
          cause: 'Счёт не найден',
          notify: true,
        },
      ],
    });
    expect(again.body).toMatchObject({ stored: 1, changed: 0, runs: [] });
    await syncVia(hub!, conn, 'outbound');
    // Delivered ones are not sent again; a rejected one (424242) waits for a change or an operator's retry.
    expect(sb!.stats.handles).toBe(handles);
  });

  it('refuses commands for a connection of another platform; documents the routes', async () => {
    hub = await startTestHub(kind, { orgs: [ORG] });
    const tb = await call(hub, 'POST', `/v1/orgs/${ORG}/connections`, {
      json: {
        platform: 'testbed',
        name: 'tb',
        credentials: { user: 'u', password: 'p' },
        settings: { baseUrl: 'http://127.0.0.1:9' },
      },
    });
    const res = await call(hub, 'POST', `/v1/orgs/${ORG}/connections/${tb.body.id}/uzhkh/decisions`, {
      json: [{ request: 'register', requestId: '1', approve: true }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('wrong_platform');
    const spec = await call(hub, 'GET', '/openapi.json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orgs/{org}/connections/{id}/uzhkh/decisions',
        '/v1/orgs/{org}/connections/{id}/uzhkh/ids',
        '/v1/orgs/{org}/connections/{id}/uzhkh/commands',
      ]),
    );
  });
});
