import { describe, expect, it } from 'vitest';
import {
  InboundPayment,
  InboundReading,
  RegistrationRequest,
  Ticket,
} from '../../../src/domain/model/inbound.js';
import { readCheckpoint } from '../../../src/store/checkpoint-store.js';
import { listIds } from '../../../src/store/id-map-store.js';
import { storeKinds } from '../../support/test-stores.js';
import { countByKind, inbox, syncOnce, uzhkhSuite } from './uzhkh-fixture.js';

describe.each(storeKinds)('«Умное ЖКХ» connector ↔ sandbox on %s', (kind) => {
  // One store for the suite (opening one is the slow part); each test its own organisation.
  const { start } = uzhkhSuite(kind, 'uk-uzhkh');

  it('downloads every list across pages on the first sync, once', async () => {
    const f = await start();
    f.sandbox.seedHouses(10, 60); // 600 flats: 600 accounts, objects and payments, 1800 meters, 60 заявки
    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    const counts = countByKind(await inbox(f));
    expect(counts).toEqual({
      account: 600,
      object: 600,
      payment: 600,
      meter: 1800,
      reading: 1800,
      ticket: 60,
      document: 2,
    });
    expect(run.received).toBe(5462);
    const cp = await readCheckpoint(f.store.db, f.connectionId, 'download');
    expect(cp?.value).toMatchObject({
      done: true,
      counts: { Accounts: 600, Flats: 600, Payments: 600, Counters: 1800, Requests: 60, Docs: 2 },
    });
    expect(f.sandbox.stats.downloads).toBe(3 + 3 + 3 + 9 + 1 + 1 + 6); // every page, then one NoResults per list
    const [payment] = await inbox(f, 'payment');
    expect(InboundPayment.safeParse(payment!.payload).success).toBe(true);
    expect(payment!.payload).toMatchObject({
      accountNumber: '1000000001',
      amount: '1001.50',
      amountKopecks: 100150,
    });
    expect(payment!.payload.source).toMatchObject({
      platform: 'uzhkh',
      guid: null,
      entity: 'Payment',
      ids: { uzhkh: 'P1' },
    });

    const again = await syncOnce(f, 'inbound');
    expect(again).toMatchObject({ state: 'succeeded', received: 0 });
    expect(f.sandbox.stats.downloads).toBe(26);
  });

  it('gives a `--` object met only in the download the hub id through SetId, after the commit', async () => {
    const f = await start();
    const houses = f.sandbox.seedHouses(1, 2);
    const paid = f.sandbox.act().pay({ accountId: houses.accounts[0]!, sum: '99.90' });
    f.sandbox.world().queue.remove(paid.guid); // its change record is gone: only the download shows it
    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    const [payment] = (await inbox(f, 'payment')).filter((p) => p.payload.source.ids.uzhkh === paid.id);
    const hubId: string = payment!.payload.paymentId;
    expect(hubId).toMatch(/^zb-payment-/);
    expect(f.sandbox.stats.setIds).toBe(1);
    expect(f.sandbox.world().entities.get('Payment', hubId)).toMatchObject({ Sum: 99.9 });
    expect(f.sandbox.world().entities.get('Payment', paid.id)).toBeUndefined();
  });

  it('drains a day of activity: readings, заявки, payments, requests, a car, news; temp ids replaced by the hub', async () => {
    const f = await start({ settings: { fullDownload: false } });
    const houses = f.sandbox.seedHouses(3, 12);
    const day = f.sandbox.seedDay(houses);
    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    expect(run.received).toBe(run.acknowledged);
    expect(f.sandbox.world().queue.length).toBe(0);
    expect(f.sandbox.world().queue.deletionsLength).toBe(0);
    const entries = await inbox(f);
    expect(countByKind(entries)).toEqual({
      meter: day.readings + 1,
      reading: day.readings,
      ticket: day.tickets + 1,
      payment: day.payments,
      registration_request: 1,
      object_adding_request: 1,
      car: 1,
      document: 1,
      resident: 1,
      deleted_item: 1,
    });
    for (const e of entries.filter((x) => x.kind === 'reading'))
      expect(InboundReading.safeParse(e.payload).success).toBe(true);
    for (const e of entries.filter((x) => x.kind === 'ticket'))
      expect(Ticket.safeParse(e.payload).success).toBe(true);
    const [reg] = entries.filter((x) => x.kind === 'registration_request');
    expect(RegistrationRequest.safeParse(reg!.payload).success).toBe(true);
    expect(reg!.payload).toMatchObject({
      requestId: day.registrationRequestId,
      fullName: 'Новикова Анна Сергеевна',
    });
    const [reading] = entries.filter((x) => x.kind === 'reading');
    expect(reading!.payload).toMatchObject({
      meterId: 'C1-0',
      value1: '104.125',
      occurredAt: expect.stringMatching(/\+03:00$/),
    });

    // The new meter: the hub gave it an id at once, sent it as objectId, the platform took it.
    const newMeter = entries.find(
      (e) => e.kind === 'meter' && e.payload.source.ids.uzhkh === day.newMeterId,
    )!;
    const hubId: string = newMeter.payload.meterId;
    expect(hubId).toMatch(/^zb-counter-[0-9a-f]{16}$/);
    expect(f.sandbox.world().entities.get('Counter', hubId)).toMatchObject({ SerialNumber: 'NEW-001' });
    expect(f.sandbox.world().entities.get('Counter', day.newMeterId)).toBeUndefined();
    const payments = entries.filter((e) => e.kind === 'payment');
    for (const p of payments)
      expect(f.sandbox.world().entities.get('Payment', p.payload.paymentId)).toBeDefined();
    const ids = await listIds(f.store.db, f.connectionId, { entity: 'counter', limit: 10 });
    expect(ids).toEqual([
      expect.objectContaining({ key: hubId, platformId: day.newMeterId, temporary: true }),
    ]);

    // The next snapshot of that meter carries the hub's id: same meter (the hub read it with that id
    // already, so only the reading is new), and the mapping is now permanent.
    f.sandbox.act().submitReading({ counterId: hubId, values: ['7.5'] });
    const next = await syncOnce(f, 'inbound');
    expect(next).toMatchObject({ state: 'succeeded', received: 1 });
    const after = await listIds(f.store.db, f.connectionId, { entity: 'counter', limit: 10 });
    expect(after).toEqual([expect.objectContaining({ key: hubId, platformId: hubId, temporary: false })]);
    const readings = await inbox(f, 'reading');
    expect(readings.at(-1)!.payload).toMatchObject({ meterId: hubId, value1: '7.5' });
  });

  it('a crash between commit and Delete: the records come again, nothing is duplicated or lost', async () => {
    const f = await start({ settings: { fullDownload: false, pageSize: 50 } });
    const houses = f.sandbox.seedHouses(2, 40);
    for (const counterId of houses.counters.slice(0, 120))
      f.sandbox.act().submitReading({ counterId, values: ['500'] });
    f.sandbox.act().pay({ accountId: houses.accounts[0]!, sum: '250.00' });
    f.sandbox.setFaults({ deleteErrorRate: 1 });
    const crashed = await syncOnce(f, 'inbound');
    expect(crashed.state).toBe('partial'); // the queue stream failed at its first ack
    expect(crashed.received).toBe(100); // 50 records: a meter and a reading each
    expect(crashed.acknowledged).toBe(0);
    expect(f.sandbox.world().queue.length).toBe(121);
    expect((await inbox(f)).length).toBe(100);

    f.sandbox.setFaults({ deleteErrorRate: 0, ignoreDeleteRate: 0.3 }); // and some Deletes are lost
    for (let i = 0; i < 6 && f.sandbox.world().queue.length > 0; i++) await syncOnce(f, 'inbound');
    expect(f.sandbox.world().queue.length).toBe(0);
    expect(f.sandbox.stats.faults.ignoredDelete).toBeGreaterThan(0);
    const entries = await inbox(f);
    expect(countByKind(entries)).toEqual({ meter: 120, reading: 120, payment: 1 });
    expect(new Set(entries.map((e) => `${e.kind}/${e.sourceId}`)).size).toBe(entries.length);
  });

  it('a Delete slower than the timeout: the run fails, the platform deletes anyway, nothing lands twice', async () => {
    const f = await start({
      sandbox: { deleteLatencyMs: 400 },
      settings: { fullDownload: false },
      retry: { timeoutMs: 150, maxAttempts: 2 },
    });
    const houses = f.sandbox.seedHouses(1, 10);
    for (const counterId of houses.counters) f.sandbox.act().submitReading({ counterId, values: ['9'] });
    const slow = await syncOnce(f, 'inbound');
    expect(slow.state).toBe('partial');
    expect(slow.lastError).toMatch(/no answer within 150 ms/);
    expect(slow.acknowledged).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 600)); // the platform finishes the Deletes it got
    // The first 16 (the Delete concurrency) were deleted although the client gave up on them; no
    // other Delete was started after the failure.
    expect(f.sandbox.world().queue.length).toBe(14);
    f.sandbox.setFaults({ deleteLatencyMs: 0 });
    const next = await syncOnce(f, 'inbound');
    expect(next).toMatchObject({ state: 'succeeded', received: 14, unchanged: 14, acknowledged: 14 });
    expect(f.sandbox.world().queue.length).toBe(0);
    expect(countByKind(await inbox(f))).toEqual({ meter: 30, reading: 30 });
  });

  it('cuts an answer holding the whole queue into pages instead of fetching it again for each', async () => {
    const f = await start({
      sandbox: { requestsLimit: 0 },
      settings: { fullDownload: false, pageSize: 100 },
    });
    const houses = f.sandbox.seedHouses(2, 75); // 450 meters
    for (const counterId of houses.counters) f.sandbox.act().submitReading({ counterId, values: ['42'] });
    const run = await syncOnce(f, 'inbound');
    expect(run).toMatchObject({ state: 'succeeded', received: 900, acknowledged: 900 });
    expect(f.sandbox.world().queue.length).toBe(0);
    expect(f.sandbox.stats.requestsServed).toBe(450); // each record served once
  });

  it('lands what breaks the contract as uzhkh_invalid naming the record and field; the rest lands', async () => {
    const f = await start({ settings: { fullDownload: false } });
    const houses = f.sandbox.seedHouses(1, 2);
    const queue = f.sandbox.world().queue;
    const broken = queue.push('Counter', {
      Id: 'C-x',
      Value1: 5,
      IsPublish: true,
      FlatId: 'O1',
      TypeObject: 'Квартира',
    });
    const tooExact = f.sandbox.act().pay({ accountId: houses.accounts[0]!, sum: '10.00' });
    queue.get(tooExact.guid)!.snapshot.Sum = 10.005;
    f.sandbox.act().pay({ accountId: houses.accounts[1]!, sum: '20.50' });
    const run = await syncOnce(f, 'inbound');
    expect(run).toMatchObject({ state: 'succeeded', received: 3, acknowledged: 3 });
    expect(queue.length).toBe(0);
    const invalid = await inbox(f, 'uzhkh_invalid');
    expect(invalid.map((i) => [i.sourceId, i.payload.error])).toEqual([
      [
        broken,
        expect.stringMatching(new RegExp(`^change record ${broken}: Counter\\.CounterTypeIdentifier: `)),
      ],
      [
        tooExact.guid,
        expect.stringMatching(
          /Payment\.Sum: cannot be read as rubles and kopecks: 10\.005 .*more than two decimal places/,
        ),
      ],
    ]);
    expect(invalid[0]!.payload.source).toMatchObject({
      guid: broken,
      entity: 'Counter',
      record: { Id: 'C-x' },
    });
    expect((await inbox(f, 'payment')).map((p) => p.payload.amount)).toEqual(['20.50']);
  });

  it('lands deleted items with their own guids and deletes them', async () => {
    const f = await start({ settings: { fullDownload: false } });
    const houses = f.sandbox.seedHouses(1, 3);
    f.sandbox.world().deleteObject('Counter', houses.counters[0]!);
    f.sandbox.world().deleteObject('Account', houses.accounts[1]!);
    const run = await syncOnce(f, 'inbound');
    expect(run).toMatchObject({ state: 'succeeded', received: 2, acknowledged: 2 });
    const deleted = await inbox(f, 'deleted_item');
    expect(deleted.map((d) => [d.payload.type, d.payload.id])).toEqual([
      ['counter', houses.counters[0]],
      ['account', houses.accounts[1]],
    ]);
    expect(f.sandbox.world().queue.deletionsLength).toBe(0);
  });

  it('reports a bad token and an address not on the allow-list as a connection problem, without retrying', async () => {
    const f = await start({ token: 'not-the-token' });
    f.sandbox.seedHouses(1, 2);
    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('failed');
    expect(run.lastError).toMatch(/connection problem.*notAuthorized/);
    expect(f.sandbox.stats.refused).toBe(1);
    const g = await start({ sandbox: { allowIps: ['192.0.2.10'] } });
    const refused = await syncOnce(g, 'inbound');
    expect(refused.state).toBe('failed');
    expect(refused.lastError).toMatch(/connection problem.*IP address is not registered/);
    expect(g.sandbox.stats.refused).toBe(1);
  });
});
