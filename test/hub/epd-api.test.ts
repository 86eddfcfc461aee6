import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGostQr } from '../../src/domain/epd/parse-gost-qr.js';
import { epdRecords } from '../support/epd-fixture.js';
import { POPPLER, pdfText, readQr } from '../support/poppler.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const ORG = 'uk-epd';

async function put(hub: TestHub, accountNumber: string, over: Record<string, unknown> = {}) {
  const r = epdRecords(accountNumber, over);
  const id = (x: string) => `${x}-${accountNumber}`;
  const post = async (plural: string, json: unknown[]) =>
    expect((await call(hub, 'POST', `/v1/orgs/${ORG}/${plural}`, { json })).body.rejected).toBe(0);
  await post('houses', [r.house]);
  await post('premises', [{ ...r.premise, id: id('p') }]);
  await post('accounts', [{ ...r.account, premiseId: id('p') }]);
  await post(
    'meters',
    r.meters.map((m) => ({ ...m, id: id(m.id) })),
  );
  await post(
    'readings',
    r.readings.map((x) => ({ ...x, meterId: id(x.meterId) })),
  );
  await post('receipts', [r.receipt]);
}

describe.each(storeKinds)('ЕПД API on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: [ORG, 'uk-other'] });
    await put(hub, '4200003151');
    await put(hub, '4200003152');
    // The organisation has no bank account with this number: no bank name, no correspondent account.
    await put(hub, '4200003153', {
      recipient: { inn: '7736050003', bik: '044525593', account: '40702810801400016513' },
    });
  });
  afterAll(async () => hub?.close());

  const path = (account: string, q = '') => `/v1/orgs/${ORG}/receipts/${account}/2026-10/housing/epd.pdf${q}`;

  it('renders a receipt’s ЕПД on request, with an ETag; the same content is not rendered again', async () => {
    const res = await fetch(hub.url + path('4200003151'), {
      headers: { authorization: `Bearer ${hub.adminToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(hub.url + path('4200003151'), {
      headers: { authorization: `Bearer ${hub.adminToken}`, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const second = await fetch(hub.url + path('4200003151'), {
      headers: { authorization: `Bearer ${hub.adminToken}` },
    });
    expect(Buffer.from(await second.arrayBuffer()).equals(pdf)).toBe(true);
    if (POPPLER) {
      expect(pdfText(pdf)).toContain('Иванов Евгений Борисович');
      const fields = Object.fromEntries(parseGostQr(readQr(pdf)!).fields);
      expect(fields.PersAcc).toBe('4200003151');
    }
    // A new reading changes what the ЕПД shows: a new ETag.
    await call(hub, 'POST', `/v1/orgs/${ORG}/readings`, {
      json: [{ meterId: 'm1-4200003151', date: '2026-10-25', value1: '125.000' }],
    });
    const changed = await fetch(hub.url + path('4200003151'), {
      headers: { authorization: `Bearer ${hub.adminToken}` },
    });
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('the public variant carries no ФИО', async () => {
    const res = await fetch(hub.url + path('4200003151', '?variant=public'), {
      headers: { authorization: `Bearer ${hub.adminToken}` },
    });
    expect(res.status).toBe(200);
    if (POPPLER)
      expect(pdfText(Buffer.from(await res.arrayBuffer()))).not.toMatch(/Иванов|Евгений|Борисович/);
  });

  it('refuses with the field named when a requisite is missing; 404 for no receipt; a token of another org is refused', async () => {
    const bad = await call(hub, 'GET', path('4200003153'));
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: 'epd_requisites', field: 'recipient.bankName' });
    expect(bad.body.message).toContain('4200003153/2026-10/housing');
    expect((await call(hub, 'GET', path('4299999999'))).status).toBe(404);
    const other = await hub.tokenFor('uk-other');
    expect((await call(hub, 'GET', path('4200003151'), { token: other })).status).toBe(403);
    expect((await call(hub, 'GET', path('4200003151'), { token: null })).status).toBe(401);
  });

  it('lists a period’s ЕПД documents page by page (money in rubles), with the total first', async () => {
    const first = await call(hub, 'GET', `/v1/orgs/${ORG}/epd-documents?period=2026-10&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((i: { key: string }) => i.key)).toEqual([
      '4200003151/2026-10/housing',
      '4200003152/2026-10/housing',
    ]);
    expect(first.body.items[0].document.summary.toPay).toMatch(/^\d+\.\d\d$/);
    const next = await call(
      hub,
      'GET',
      `/v1/orgs/${ORG}/epd-documents?period=2026-10&limit=2&after=${first.body.next}`,
    );
    expect(next.body.items.map((i: { key: string }) => i.key)).toEqual(['4200003153/2026-10/housing']);
    expect(next.body.next).toBeNull();
    const pub = await call(
      hub,
      'GET',
      `/v1/orgs/${ORG}/epd-documents?period=2026-10&account=4200003152&variant=public`,
    );
    expect(pub.body.items).toHaveLength(1);
    expect(pub.body.items[0].document.payer.fullName).toBeUndefined();
    expect((await call(hub, 'GET', `/v1/orgs/${ORG}/epd-documents?period=2026-13`)).status).toBe(400);
    const spec = await call(hub, 'GET', '/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orgs/{org}/receipts/{account}/{period}/{category}/epd.pdf',
        '/v1/orgs/{org}/epd-documents',
      ]),
    );
  });
});
