import { describe, expect, it } from 'vitest';
import { listIds } from '../../../src/store/id-map-store.js';
import { storeKinds } from '../../support/test-stores.js';
import { inbox, syncOnce, type UzhkhFixture, uzhkhSuite } from './uzhkh-fixture.js';

const HUB_ID = /^zb-[a-z]+-[0-9a-f]{16}$/;

/**
 * seed 001 §"Особый случай": objects created on the platform carry a temporary `--` id until the
 * billing's side gives them one — and records made meanwhile point at that `--` id. In `hub` mode
 * every such reference is given the id its object gets, whichever of the two arrives first.
 */
describe.each(storeKinds)('«Умное ЖКХ»: references to temporary ids (%s)', (kind) => {
  const suite = uzhkhSuite(kind, 'uk-refs');
  const start = (settings: Record<string, unknown> = {}) =>
    suite.start({ settings: { fullDownload: false, ...settings } });
  /** A flat staff added on the platform, stored there without queueing: its id is temporary. */
  const platformFlat = (
    world: ReturnType<UzhkhFixture['sandbox']['world']>,
    type: string,
    number: string,
  ) => {
    const flat = {
      Id: world.tempId(),
      TypeObject: type,
      Address: `ул. Ткачей, д. 1, № ${number}`,
      Street: 'ул. Ткачей',
      HouseNumber: '1',
      FlatNumber: number,
      HouseId: 'H1',
    };
    world.put('Obj', flat);
    return flat;
  };

  it('a resident, a flat and an account created on the platform: every record made meanwhile points at their hub ids', async () => {
    const f = await start();
    const houses = f.sandbox.seedHouses(1, 2);
    const act = f.sandbox.act();
    const resident = act.signUp({ surname: 'Орлова', name: 'Мария', phone: '+79001112233' });
    const flat = act.createObject({ houseId: 'H1', street: 'ул. Новая', houseNumber: '1', flatNumber: '99' });
    const account = act.createAccount({
      flatId: flat.id,
      accountNumber: '2000000001',
      residentIds: [resident.id],
    });
    act.addCar({ residentId: resident.id, brand: 'Lada', model: 'Vesta', number: 'А001АА69' });
    act.askToAddObject({ flatId: houses.flats[0]!, residentId: resident.id });
    const meter = act.createMeter({ flatId: flat.id, type: 'WaterColdM3', serial: 'NEW-7' });
    act.pay({ accountId: account.id, sum: '500.00' });
    act.openTicket({ accountId: account.id, title: 'Не работает домофон' });
    for (const id of [resident.id, flat.id, account.id, meter.id]) expect(id).toMatch(/^--\d+$/);

    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    const one = async (k: string) => (await inbox(f, k))[0]!.payload;
    const R = (await one('resident')).residentId;
    const O = (await one('object')).objectId;
    const A = (await one('account')).accountId;
    for (const id of [R, O, A]) expect(id).toMatch(HUB_ID);

    expect(await one('account')).toMatchObject({ objectId: O });
    expect((await one('account')).source.record.Persons[0].Id).toBe(R);
    expect((await one('account')).source.original).toMatchObject({
      Id: account.id,
      ApartmentID: flat.id,
      'Persons.0.Id': resident.id,
    });
    expect(await one('car')).toMatchObject({ residentId: R });
    expect((await one('car')).source.record.ResidentId).toBe(R);
    expect(await one('object_adding_request')).toMatchObject({ residentId: R, flatId: houses.flats[0] });
    expect(await one('meter')).toMatchObject({ flatId: O, meterId: expect.stringMatching(HUB_ID) });
    expect(await one('payment')).toMatchObject({ accountId: A });
    expect(await one('ticket')).toMatchObject({ accountId: A, residentId: R, flatId: O });

    // The platform took each hub id (Delete's objectId) and rewrote every reference to it.
    const world = f.sandbox.world();
    expect(world.entities.get('Resident', R)).toMatchObject({ Surname: 'Орлова' });
    expect(world.entities.get('Account', A)).toMatchObject({ ApartmentID: O, Persons: [{ Id: R }] });
    const [car] = [...world.entities.of('Car').values()];
    expect(car).toMatchObject({ ResidentId: R });
    expect(world.entities.get('Counter', (await one('meter')).meterId)).toMatchObject({ FlatId: O });
    const map = await listIds(f.store.db, f.connectionId, { limit: 100 });
    expect(map.filter((e) => e.entity === 'resident')).toEqual([
      expect.objectContaining({ key: R, platformId: resident.id, temporary: true }),
    ]);
  });

  it('a reference that arrives before its record gets the id the record then gets', async () => {
    const f = await start({ pageSize: 1 });
    f.sandbox.seedHouses(1, 1);
    const world = f.sandbox.world();
    // Staff add a flat; a meter is put on it and queued before the flat's own record is.
    const flat = platformFlat(world, 'Паркинг', '5');
    const tempId = flat.Id; // the platform rewrites the object's own id once it takes the hub's
    const meter = f.sandbox.act().createMeter({ flatId: flat.Id, type: 'ElectricitySimpleKwh' });
    world.change('Obj', flat);

    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    const [meterItem] = await inbox(f, 'meter');
    const [objectItem] = await inbox(f, 'object');
    expect(meterItem!.cursor).toBeLessThan(objectItem!.cursor); // the reference came first
    expect(meterItem!.payload.flatId).toMatch(HUB_ID);
    expect(objectItem!.payload.objectId).toBe(meterItem!.payload.flatId);
    expect(objectItem!.payload.source.ids).toEqual({ uzhkh: tempId, id: meterItem!.payload.flatId });
    expect(world.entities.get('Obj', meterItem!.payload.flatId)).toBeDefined();
    expect(world.entities.get('Counter', meterItem!.payload.meterId)).toMatchObject({
      FlatId: meterItem!.payload.flatId,
    });
    expect(meter.id).toBe(meterItem!.payload.source.ids.uzhkh);
  });

  it('the full download: an account listed before the flat it points at gets the flat its hub id', async () => {
    const f = await start({ fullDownload: true });
    f.sandbox.seedHouses(1, 1);
    const world = f.sandbox.world();
    const flat = platformFlat(world, 'Кладовка', '3');
    const tempId = flat.Id; // the platform rewrites the object's own id once it takes the hub's
    world.put('Account', {
      Id: 'A-77',
      AccountNumber: '3000000077',
      IsActive: true,
      ApartmentID: flat.Id,
      TypeObject: 'Кладовка',
      Balance: 0,
    });

    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    const account = (await inbox(f, 'account')).find((a) => a.payload.accountId === 'A-77')!;
    const object = (await inbox(f, 'object')).find((o) => o.payload.source.ids.uzhkh === tempId)!;
    expect(account.cursor).toBeLessThan(object.cursor); // DownloadAccounts comes before DownloadFlats
    expect(account.payload.objectId).toMatch(HUB_ID);
    expect(object.payload.objectId).toBe(account.payload.objectId);
    // SetId after the Flats page: the platform took it, and its account points at it.
    expect(world.entities.get('Account', 'A-77')).toMatchObject({ ApartmentID: object.payload.objectId });
  });

  it('a deleted item with a temporary id names the object by the id every record of it had', async () => {
    const f = await start();
    f.sandbox.seedHouses(1, 1);
    const resident = f.sandbox.act().signUp({ surname: 'Котов', name: 'Олег' });
    f.sandbox.world().deleteObject('Resident', resident.id); // gone before the hub ever saw it acknowledged
    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    const [landed] = await inbox(f, 'resident');
    const [deleted] = await inbox(f, 'deleted_item');
    expect(deleted!.payload).toMatchObject({ type: 'resident', id: landed!.payload.residentId });
    expect(deleted!.payload.source.ids.uzhkh).toBe(resident.id);
  });
});
