import { afterEach, describe, expect, it } from 'vitest';
import {
  startUzhkhSandbox,
  type UzhkhSandbox,
} from '../../../src/platforms/uzhkh/sandbox/start-uzhkh-sandbox.js';
import { platformCall } from './uzhkh-fixture.js';

describe('«Умное ЖКХ» sandbox', () => {
  let sb: UzhkhSandbox | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  it('refuses a missing or wrong token and an address not on the allow-list with 403 notAuthorized', async () => {
    sb = await startUzhkhSandbox({ token: 'secret' });
    expect(await platformCall(sb, '/To1c/Requests', null)).toEqual({ status: 403, body: 'notAuthorized' });
    expect(await platformCall(sb, '/To1c/Requests', 'wrong')).toEqual({ status: 403, body: 'notAuthorized' });
    expect(await platformCall(sb, '/To1c/Requests')).toEqual({ status: 200, body: [] });
    sb.setAllowIps(['10.0.0.7']);
    expect(await platformCall(sb, '/To1c/Requests')).toEqual({ status: 403, body: 'notAuthorized' });
    expect(sb.stats.refused).toBe(3);
  });

  it('pages the downloads: page absent, 0 or negative is the first, past the end NoResults', async () => {
    sb = await startUzhkhSandbox({ downloadPageSize: 200 });
    sb.seedHouses(5, 50); // 250 flats
    const first = await platformCall(sb, '/Synchronization/DownloadFlats');
    expect(first.body.Page).toBe(1);
    expect(first.body.Items).toHaveLength(200);
    expect((await platformCall(sb, '/Synchronization/DownloadFlats?page=0')).body.Items[0]).toEqual(
      first.body.Items[0],
    );
    expect((await platformCall(sb, '/Synchronization/DownloadFlats?page=-3')).body.Page).toBe(1);
    const second = await platformCall(sb, '/synchronization/downloadflats?page=2');
    expect(second.body).toMatchObject({ Page: 2, NoResults: false });
    expect(second.body.Items).toHaveLength(50);
    expect((await platformCall(sb, '/Synchronization/DownloadFlats?page=3')).body).toEqual({
      Items: [],
      Page: 3,
      NoResults: true,
    });
    expect((await platformCall(sb, '/Synchronization/DownloadCounters')).body.Items).toHaveLength(200);
    expect((await platformCall(sb, '/Synchronization/DownloadNothing')).status).toBe(404);
  });

  it('keeps records until Delete; objectId replaces a temporary id; snapshots are frozen', async () => {
    sb = await startUzhkhSandbox();
    const houses = sb.seedHouses(1, 2);
    const meter = sb
      .act()
      .createMeter({ flatId: houses.flats[0]!, type: 'ElectricityTotalKwh', serial: 'X1' });
    expect(meter.id).toMatch(/^--\d+$/);
    sb.act().submitReading({ counterId: meter.id, values: ['10.5', '3.25'] });
    const queued = (await platformCall(sb, '/To1c/Requests')).body;
    expect(queued).toHaveLength(2);
    expect(queued[0]).toEqual({
      Guid: meter.guid,
      Counter: expect.objectContaining({ Id: meter.id, Value1: 0 }),
    });
    expect(queued[1].Counter).toMatchObject({ Value1: 10.5, Value2: 3.25 });
    expect((await platformCall(sb, '/To1c/Requests')).body).toHaveLength(2); // reading removes nothing
    expect(await platformCall(sb, `/To1c/Delete?guid=${meter.guid}&objectId=EXT-1`)).toEqual({
      status: 200,
      body: 'success',
    });
    expect(sb.world().entities.get('Counter', meter.id)).toBeUndefined();
    expect(sb.world().entities.get('Counter', 'EXT-1')).toMatchObject({ Id: 'EXT-1', Value1: 10.5 });
    expect((await platformCall(sb, '/To1c/Requests')).body).toHaveLength(1);
    expect((await platformCall(sb, `/To1c/Delete?guid=${meter.guid}`)).body).toBe('success'); // again: harmless
    expect((await platformCall(sb, '/To1c/Delete')).body).toBe('noData');
  });

  it("a temporary id replaced (Delete objectId or SetId) is replaced in every reference of seed 001's tables", async () => {
    sb = await startUzhkhSandbox();
    sb.seedHouses(1, 1);
    const w = sb.world();
    const act = sb.act();
    const owner = act.signUp({ surname: 'Лисицын', name: 'Павел' });
    const guest = act.signUp({ surname: 'Лисицына', name: 'Вера' });
    w.entities.get('Resident', guest.id)!.ParentResidentId = owner.id;
    const flat = act.createObject({ houseId: 'H1', street: 'ул. Новая', houseNumber: '2', flatNumber: '7' });
    const account = act.createAccount({
      flatId: flat.id,
      accountNumber: '4000000001',
      residentIds: [owner.id, guest.id],
    });
    w.entities.get('Account', account.id)!.Persons = (
      w.entities.get('Account', account.id)!.Persons as Array<Record<string, unknown>>
    ).map((p, i) => (i === 1 ? { ...p, ParentResidentId: owner.id } : p));
    const meter = act.createMeter({ flatId: flat.id, type: 'Gas' });
    const ticket = act.openTicket({ accountId: account.id, title: 'Запах газа' });
    w.entities.get('Request', ticket.id)!.IdCounter = meter.id;
    const news = act.publishDoc({ typeName: 'news', title: 'Собрание', text: '<p>…</p>' });
    Object.assign(w.entities.get('Doc', `news:${news.id}`)!, {
      ResidentsIds: `R1-0,${owner.id}`,
      ResidentToFlatsIds: `${account.id}`,
    });

    const owners = (await platformCall(sb, '/To1c/Requests')).body.find(
      (r: { Resident?: { Id: string } }) => r.Resident?.Id === owner.id,
    );
    expect((await platformCall(sb, `/To1c/Delete?guid=${owners.Guid}&objectId=R-100`)).status).toBe(200);
    expect((await platformCall(sb, `/SetId?uzhkId=${flat.id}&externalId=O-100&type=object`)).body).toBe(
      'success',
    );
    expect((await platformCall(sb, `/SetId?uzhkId=${account.id}&externalId=A-100&type=account`)).body).toBe(
      'success',
    );
    expect((await platformCall(sb, `/SetId?uzhkId=${meter.id}&externalId=C-100&type=counter`)).body).toBe(
      'success',
    );

    expect(w.entities.get('Resident', guest.id)).toMatchObject({ ParentResidentId: 'R-100' });
    expect(w.entities.get('Account', 'A-100')).toMatchObject({
      ApartmentID: 'O-100',
      Persons: [{ Id: 'R-100' }, { Id: guest.id, ParentResidentId: 'R-100' }],
    });
    expect(w.entities.get('Counter', 'C-100')).toMatchObject({ FlatId: 'O-100' });
    expect(w.entities.get('Request', ticket.id)).toMatchObject({
      AccountId: 'A-100',
      ResidentId: 'R-100',
      FlatId: 'O-100',
      IdCounter: 'C-100',
    });
    expect(w.entities.get('Doc', `news:${news.id}`)).toMatchObject({
      ResidentsIds: 'R1-0,R-100',
      ResidentToFlatsIds: 'A-100',
    });
  });

  it('answers SetId with the words of the seed', async () => {
    sb = await startUzhkhSandbox();
    const houses = sb.seedHouses(1, 1);
    const pay = sb.act().pay({ accountId: houses.accounts[0]!, sum: '100.10' });
    expect(await platformCall(sb, '/SetId?uzhkId=--1')).toEqual({ status: 404, body: 'noData' });
    expect(await platformCall(sb, `/SetId?uzhkId=${pay.id}&externalId=P-9&type=parcel`)).toEqual({
      status: 404,
      body: 'unknownType',
    });
    expect(await platformCall(sb, '/SetId?uzhkId=--404&externalId=P-9&type=payment')).toEqual({
      status: 404,
      body: 'notFound',
    });
    expect(await platformCall(sb, `/SetId?uzhkId=${pay.id}&externalId=P-9&type=payment`)).toEqual({
      status: 200,
      body: 'success',
    });
    expect(sb.world().entities.get('Payment', 'P-9')).toMatchObject({ Sum: 100.1 });
    sb.setFaults({ errorRate: 1 });
    expect(await platformCall(sb, '/SetId?uzhkId=P-9&externalId=P-10&type=payment')).toEqual({
      status: 500,
      body: 'error',
    });
  });

  it('records decisions and notifications of the two Handle methods; lists and deletes deleted items', async () => {
    sb = await startUzhkhSandbox();
    const houses = sb.seedHouses(1, 2);
    const reg = sb.act().askToRegister({
      flatId: houses.flats[0]!,
      accountNumber: '77',
      surname: 'А',
      name: 'Б',
      email: 'a@b.ru',
      phone: '+7900',
    });
    const add = sb.act().askToAddObject({ flatId: houses.flats[1]!, residentId: houses.residents[0]! });
    const r1 = await platformCall(
      sb,
      `/Synchronization/HandleRequestToRegister?id=${reg.id}&isApprove=false&isReject=true&cause=нет%20такого%20счёта&isSendNotification=true`,
    );
    expect(r1).toEqual({ status: 200, body: 'success' });
    expect(sb.state().requests[reg.id]).toMatchObject({
      state: 'rejected',
      cause: 'нет такого счёта',
      notificationSent: true,
    });
    // A register request id is not an object-adding request.
    expect(
      (await platformCall(sb, `/Synchronization/HandleRequestToObjectAdding?id=${reg.id}&isApprove=true`))
        .status,
    ).toBe(404);
    await platformCall(
      sb,
      `/Synchronization/HandleRequestToObjectAdding?id=${add.id}&isApprove=true&isReject=false&accountNumber=1000000002&isSendNotification=false`,
    );
    expect(sb.state().requests[add.id]).toMatchObject({
      state: 'approved',
      accountNumber: '1000000002',
      notificationSent: false,
    });

    const guid = sb.world().deleteObject('Counter', houses.counters[0]!)!;
    const deleted = (await platformCall(sb, '/To1c/DeletedItems')).body;
    expect(deleted).toEqual([{ Guid: guid, Id: houses.counters[0], Type: 'counter' }]);
    await platformCall(sb, `/To1c/Delete?guid=${guid}`);
    expect((await platformCall(sb, '/To1c/DeletedItems')).body).toEqual([]);
  });

  it('injects Delete faults: 500, and a success that deletes nothing', async () => {
    sb = await startUzhkhSandbox({ deleteErrorRate: 1 });
    const houses = sb.seedHouses(1, 1);
    const { guid } = sb.act().submitReading({ counterId: houses.counters[0]!, values: ['1'] });
    expect(await platformCall(sb, `/To1c/Delete?guid=${guid}`)).toEqual({ status: 500, body: 'error' });
    sb.setFaults({ deleteErrorRate: 0, ignoreDeleteRate: 1 });
    expect((await platformCall(sb, `/To1c/Delete?guid=${guid}`)).body).toBe('success');
    expect(sb.world().queue.length).toBe(1);
    expect(sb.stats.faults).toMatchObject({ deleteError: 1, ignoredDelete: 1 });
  });

  it('acts as residents and staff through /_sandbox/ and starts with a demo day', async () => {
    sb = await startUzhkhSandbox({ demo: { houses: 2, flatsPerHouse: 4 } });
    expect(sb.demo?.day.newMeterId).toMatch(/^--/);
    const before = sb.state().queued;
    const post = (path: string, json: unknown) =>
      fetch(`${sb!.url}/_sandbox/${path}`, { method: 'POST', body: JSON.stringify(json) }).then(
        async (r) => ({
          status: r.status,
          body: await r.json(),
        }),
      );
    expect((await post('ticket', { accountId: 'A1', title: 'Не работает лифт' })).status).toBe(200);
    expect((await post('payment', { accountId: 'A1', sum: '12.345' })).status).toBe(400);
    expect((await post('reading', { counterId: 'nope', values: ['1'] })).status).toBe(404);
    expect(
      (await post('doc', { typeName: 'notice', title: 'Собрание', text: '<p>В 19:00</p>' })).status,
    ).toBe(200);
    expect(sb.state().queued).toBe(before + 2);
    expect((await post('faults', { errorRate: 2 })).status).toBe(400);
    const state = (await fetch(`${sb.url}/_sandbox/state`).then((r) => r.json())) as {
      entities: Record<string, number>;
    };
    expect(state.entities.Obj).toBe(8);
  });
});
