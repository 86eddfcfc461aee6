import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InboundPayment, InboundReading } from '../../../../src/domain/model/inbound.js';
import { buildHub } from '../../../../src/hub/build-hub.js';
import { readInbox } from '../../../../src/store/inbox-store.js';
import { SecretBox } from '../../../../src/store/secret-box.js';
import { createToken } from '../../../../src/store/token-store.js';
import { TEST_SECRET } from '../../../support/test-hub.js';
import { storeKinds } from '../../../support/test-stores.js';
import { DOMA_ORG, domaSuite, putFlats, putRecords, syncOnce } from './doma-fixture.js';

/** Yesterday (UTC) at a given time: inside the first pull's look-back window. */
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const at = (time: string) => `${yesterday}T${time}.000Z`;
const [yy, mm, dd] = yesterday.split('-');
const ddmmyyyy = `${dd}-${mm}-${yy}`;

describe.each(storeKinds)('Doma.ai inbound readings, payments and registries (%s)', (kind) => {
  const suite = domaSuite(kind);

  it("pulls residents' readings (not ours) once, however often it pulls", async () => {
    const f = await suite.start();
    const [a1] = await putFlats(f, 1);
    await putRecords(f, 'meter', [{ id: 'm1', accountNumber: a1, resource: 'hot_water', number: 'HW-1' }]);
    await putRecords(f, 'reading', [{ meterId: 'm1', date: '2024-05-25', value1: '12.5' }]);
    expect((await syncOnce(f, { direction: 'outbound' })).state).toBe('succeeded');
    const meter = f.sandbox.meters().find((m) => m.number === 'HW-1')!;
    f.sandbox.addResidentReading({ meterId: meter.id, values: ['13,75'], source: 'mobileApp' });
    f.sandbox.addResidentReading({ meterId: meter.id, values: ['14.5'], source: 'call' });

    const pull = await syncOnce(f, { direction: 'inbound' });
    expect(pull.state).toBe('succeeded');
    const inbox = await readInbox(f.store.db, f.org, { limit: 100, kind: 'reading' });
    for (const i of inbox.items) expect(InboundReading.safeParse(i.payload).success).toBe(true);
    const payloads = inbox.items.map((i) => i.payload as { value1: string });
    expect(payloads.sort((a, b) => a.value1.localeCompare(b.value1))).toEqual([
      expect.objectContaining({
        accountNumber: a1,
        meterNumber: 'HW-1',
        value1: '13.75',
        date: expect.any(String),
      }),
      expect.objectContaining({ accountNumber: a1, meterNumber: 'HW-1', value1: '14.5' }),
    ]);
    const ours = f.sandbox.readings().find((r) => r.sourceType !== 'mobile_app' && r.sourceType !== 'call')!;
    expect(inbox.items.some((i) => i.sourceId === ours.id)).toBe(false);

    const repull = await syncOnce(f, { direction: 'inbound' });
    expect(repull.received).toBeGreaterThanOrEqual(2); // the overlap window reads them again…
    expect((await readInbox(f.store.db, f.org, { limit: 100, kind: 'reading' })).items).toHaveLength(2); // …and adds nothing
  });

  it('pulls DONE payments and builds one registry per payment order, exact to the kopeck, in windows-1251', async () => {
    const f = await suite.start({ settings: { registryTimeZone: 'UTC' } });
    const pay = (over: { amount: string } & Record<string, unknown>) =>
      f.sandbox.addPayment({
        organizationId: DOMA_ORG,
        accountNumber: '1000000001',
        rawAddress: 'г Москва, ул Маломосковская, д 14, кв. 1',
        order: '350000',
        depositedDate: at('09:15:30'),
        transferDate: at('12:00:00'),
        ...over,
      });
    pay({ amount: '1000.00', implicitFee: '50.00' });
    pay({ amount: '0.10', implicitFee: '0', depositedDate: at('08:00:01'), accountNumber: '1000000002' });
    pay({
      amount: '333.33',
      implicitFee: '3.33',
      rawAddress: 'Заречная ул; Дом 1',
      depositedDate: at('10:00:00'),
    });
    pay({ amount: '500.00', implicitFee: '5.00', order: '350001' });
    pay({ amount: '700.00', status: 'WITHDRAWN', transferDate: null }); // taken from the resident, not yet sent
    pay({ amount: '800.00', invoice: true }); // for an invoice, not a receipt
    pay({ amount: '900.00', deleted: true });

    const pull = await syncOnce(f, { direction: 'inbound' });
    expect(pull.state).toBe('succeeded');
    const payments = (await readInbox(f.store.db, f.org, { limit: 100, kind: 'payment' })).items;
    for (const p of payments) expect(InboundPayment.safeParse(p.payload).success).toBe(true);
    expect(payments.map((p) => (p.payload as { amount: string }).amount).sort()).toEqual([
      '0.10',
      '1000.00',
      '333.33',
      '500.00',
    ]);
    await syncOnce(f, { direction: 'inbound' });
    expect((await readInbox(f.store.db, f.org, { limit: 100, kind: 'payment' })).items).toHaveLength(4);

    const hub = await buildHub({ store: f.store, box: SecretBox.fromString(TEST_SECRET) });
    const url = await hub.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { token } = await createToken(f.store.db, { orgId: f.org, name: 'billing' });
      const get = (path: string) => fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
      const list = (await (await get(`/v1/orgs/${f.org}/registries?date=${yesterday}`)).json()) as {
        registries: Array<Record<string, unknown>>;
      };
      expect(list.registries.map((r) => [r.order, r.count, r.amount, r.fee, r.encoding])).toEqual([
        ['350000', 3, '1333.43', '53.33', 'windows-1251'],
        ['350001', 1, '500.00', '5.00', 'windows-1251'],
      ]);

      const several = await get(`/v1/orgs/${f.org}/connections/doma/registry?date=${yesterday}`);
      expect(several.status).toBe(409);
      const res = await get(`/v1/orgs/${f.org}/connections/doma/registry?date=${yesterday}&order=350000`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('windows-1251');
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = iconv.decode(bytes, 'win1251');
      expect(iconv.encode(text, 'win1251').equals(bytes)).toBe(true);
      expect(text.split('\r\n')).toEqual([
        `${ddmmyyyy};08-00-01;;;1000000002;;г Москва, ул Маломосковская, д 14, кв. 1;;;0.10;0.10;0.00`,
        `${ddmmyyyy};09-15-30;;;1000000001;;г Москва, ул Маломосковская, д 14, кв. 1;;;1000.00;950.00;50.00`,
        `${ddmmyyyy};10-00-00;;;1000000001;;Заречная ул, Дом 1;;;333.33;330.00;3.33`,
        `=;3;1333.43;1280.10;53.33;350000;${ddmmyyyy}`,
        '',
      ]);
      const utf8 = await get(
        `/v1/orgs/${f.org}/connections/doma/registry?date=${yesterday}&order=350001&encoding=utf-8`,
      );
      expect(await utf8.text()).toContain('г Москва, ул Маломосковская');
      const none = await get(`/v1/orgs/${f.org}/connections/doma/registry?date=2020-01-01`);
      expect(none.status).toBe(404);
    } finally {
      await hub.close();
    }
  });
});
