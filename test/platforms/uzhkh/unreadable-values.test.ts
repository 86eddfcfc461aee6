import { describe, expect, it } from 'vitest';
import { InboundPayment, InboundReading } from '../../../src/domain/model/inbound.js';
import { storeKinds } from '../../support/test-stores.js';
import { countByKind, inbox, platformCall, syncOnce, uzhkhSuite } from './uzhkh-fixture.js';

/**
 * No silent drop: a value of seed 001's types (DateTime, decimal, int, the formatted strings) is
 * read when it can be read one way only, and otherwise reaches the billing as `uzhkh_invalid`
 * naming the record and the field — never lost without a trace.
 */
describe.each(storeKinds)('«Умное ЖКХ»: values that cannot be read are not dropped (%s)', (kind) => {
  const suite = uzhkhSuite(kind, 'uk-values');
  const start = () => suite.start({ settings: { fullDownload: false } });

  it("a Counter's DateTimeForValue: read when unambiguous, else the meter lands and the reading is a uzhkh_invalid item", async () => {
    const f = await start();
    const houses = f.sandbox.seedHouses(1, 2);
    const queue = f.sandbox.world().queue;
    const sloppy = f.sandbox.act().submitReading({ counterId: houses.counters[0]!, values: ['150.5'] });
    queue.get(sloppy.guid)!.snapshot.DateTimeForValue = '2024-05-1T9:30';
    const junk = f.sandbox.act().submitReading({ counterId: houses.counters[1]!, values: ['77'] });
    queue.get(junk.guid)!.snapshot.DateTimeForValue = 'вчера вечером';

    const run = await syncOnce(f, 'inbound');
    expect(run).toMatchObject({ state: 'succeeded', received: 4, acknowledged: 4 });
    expect(queue.length).toBe(0);
    const entries = await inbox(f);
    expect(countByKind(entries)).toEqual({ meter: 2, reading: 1, uzhkh_invalid: 1 });

    const [reading] = await inbox(f, 'reading');
    expect(InboundReading.safeParse(reading!.payload).success).toBe(true);
    expect(reading!.payload).toMatchObject({
      meterId: houses.counters[0],
      date: '2024-05-01',
      occurredAt: '2024-05-01T09:30:00+03:00',
      value1: '150.5',
    });
    expect(reading!.payload.source.record.DateTimeForValue).toBe('2024-05-01T09:30:00');
    expect(reading!.payload.source.original).toEqual({ DateTimeForValue: '2024-05-1T9:30' });

    const [invalid] = await inbox(f, 'uzhkh_invalid');
    expect(invalid!.sourceId).toBe(junk.guid);
    expect(invalid!.payload.error).toBe(
      `change record ${junk.guid}: Counter.DateTimeForValue: cannot be read as a date and time: "вчера вечером"; the rest of the record landed without it`,
    );
    expect(invalid!.payload.fields).toEqual([
      { field: 'Counter.DateTimeForValue', value: 'вчера вечером', error: expect.any(String) },
    ]);
    expect(invalid!.payload.source.record).toMatchObject({ Id: houses.counters[1], Value1: 77 });
    const meters = (await inbox(f, 'meter')).map((m) => m.payload.meterId);
    expect(meters).toContain(houses.counters[1]);
  });

  it('a platform writing DateTime in its culture ("1.5.2024 9:30:00"): every date read, nothing refused', async () => {
    const f = await suite.start({ sandbox: { dateStyle: 'culture' } });
    const houses = f.sandbox.seedHouses(1, 2);
    const at = new Date('2024-05-01T06:30:00Z'); // 09:30 in Moscow, the sandbox's zone
    f.sandbox.act().submitReading({ counterId: houses.counters[0]!, values: ['12'], at });
    f.sandbox.act().pay({ accountId: houses.accounts[0]!, sum: '99.00', at });
    const served = (await platformCall(f.sandbox, '/To1c/Requests')).body;
    expect(served[0].Counter.DateTimeForValue).toBe('1.5.2024 9:30:00');

    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    const entries = await inbox(f);
    expect(entries.filter((e) => e.kind === 'uzhkh_invalid')).toEqual([]);
    const readings = entries.filter((e) => e.kind === 'reading' && e.payload.meterId === houses.counters[0]);
    expect(readings.map((r) => [r.payload.date, r.payload.occurredAt])).toEqual([
      ['2024-05-01', '2024-05-01T09:30:00+03:00'],
    ]);
    const [payment] = entries.filter((e) => e.kind === 'payment' && e.payload.amount === '99.00');
    expect(payment!.payload.occurredAt).toBe('2024-05-01T09:30:00+03:00');
    expect(payment!.payload.source.original).toMatchObject({ DateTime: '1.5.2024 9:30:00' });
    // The full download reads the same way (the seeded accounts' DateTimeOpen among them).
    const accounts = entries.filter((e) => e.kind === 'account');
    expect(accounts.length).toBe(2);
    expect(accounts[0]!.payload.source.record.DateTimeOpen).toBe('2020-01-01T00:00:00');
  });

  it('money, numbers, months and dates of every entity: read leniently, or named when they cannot be', async () => {
    const f = await start();
    const houses = f.sandbox.seedHouses(1, 3);
    const queue = f.sandbox.world().queue;
    const act = f.sandbox.act();
    const readable = act.pay({ accountId: houses.accounts[0]!, sum: '1500.50' });
    Object.assign(queue.get(readable.guid)!.snapshot, {
      Sum: '1 500,50',
      AccrualDate: '5.2024',
      DateTime: '01.05.2024 12:00',
      InsurancePeriod: 'Декабря 2022 г.',
    });
    const optional = act.pay({ accountId: houses.accounts[1]!, sum: '20.00' });
    queue.get(optional.guid)!.snapshot.Commission = 'нет';
    const required = act.openTicket({ accountId: houses.accounts[2]!, title: 'Протечка' });
    queue.get(required.guid)!.snapshot.CreationDate = '31.02.2024';

    const run = await syncOnce(f, 'inbound');
    expect(run).toMatchObject({ state: 'succeeded' });
    expect(queue.length).toBe(0);
    const payments = await inbox(f, 'payment');
    expect(payments.map((p) => InboundPayment.safeParse(p.payload).success)).toEqual([true, true]);
    expect(payments[0]!.payload).toMatchObject({
      amount: '1500.50',
      amountKopecks: 150050,
      period: '2024-05',
      occurredAt: '2024-05-01T12:00:00+03:00',
    });
    expect(payments[0]!.payload.source.record).toMatchObject({
      Sum: '1500.50',
      AccrualDate: '05.2024',
      InsurancePeriod: 'декабрь 2022',
    });
    expect(payments[0]!.payload.source.original).toMatchObject({ Sum: '1 500,50', AccrualDate: '5.2024' });
    // An optional field that cannot be read: the payment lands without it, the value is named beside it.
    expect(payments[1]!.payload).toMatchObject({ amount: '20.00' });
    expect(payments[1]!.payload.source.record.Commission).toBeNull();
    const invalid = await inbox(f, 'uzhkh_invalid');
    expect(invalid.map((i) => [i.sourceId, i.payload.error])).toEqual([
      [
        optional.guid,
        expect.stringMatching(
          /^change record .*: Payment\.Commission: cannot be read as rubles and kopecks: "нет"/,
        ),
      ],
      // A required one: the whole record is the item (no заявка without its date lands).
      [
        required.guid,
        expect.stringMatching(
          /^change record .*: Request\.CreationDate: cannot be read as a date and time: "31\.02\.2024"$/,
        ),
      ],
    ]);
    expect(await inbox(f, 'ticket')).toEqual([]);
  });

  it('a download item with a value that cannot be read is named by its list, page and index', async () => {
    const f = await suite.start();
    const houses = f.sandbox.seedHouses(1, 2);
    f.sandbox.world().entities.get('Account', houses.accounts[1]!)!.DateTimeOpen = '2020-13-01';
    const run = await syncOnce(f, 'inbound');
    expect(run.state).toBe('succeeded');
    expect((await inbox(f, 'account')).length).toBe(2);
    const [invalid] = await inbox(f, 'uzhkh_invalid');
    expect(invalid!.payload.error).toMatch(
      /^DownloadAccounts page 1 item 1: Account\.DateTimeOpen: cannot be read as a date and time: "2020-13-01"/,
    );
  });
});
