import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountFixture } from '../support/fixtures.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const account = accountFixture;

const receipt = (acc: string, toPay = '4225.57') => ({
  accountNumber: acc,
  period: '2024-01',
  recipient: { inn: '9717025407', bik: '044525593', account: '40702810701100008293' },
  toPay,
  balance: '1113,15',
  lines: [{ serviceId: '2553698', name: 'Отопление', toPay: '0', tariff: '2325.88', volume: '0' }],
});

describe.each(storeKinds)('records API on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-one', 'uk-two'], maxRecords: 50, bodyLimit: 256 * 1024 });
  });
  afterAll(async () => hub?.close());

  it('answers each record in input order; bad ones do not block good ones', async () => {
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', {
      json: [account('100'), account('101', { els: 'bad' }), { number: 42 }, account('102')],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, created: 2, rejected: 2 });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'rejected',
      'rejected',
      'created',
    ]);
    expect(res.body.results[1]).toMatchObject({
      index: 1,
      key: '101',
      errors: [{ code: 'els_invalid', path: 'els' }],
    });
    expect(res.body.results[2].errors[0]).toMatchObject({ code: 'invalid_type', path: 'number' });
    const list = await call(hub, 'GET', '/v1/orgs/uk-one/accounts');
    expect(list.body.items.map((i: { key: string }) => i.key)).toEqual(['100', '102']);
  });

  it('«л/с 700» and «700» are one account: numbers are kept cleaned of «л/с», «лс», «№»', async () => {
    const post = async (number: string) =>
      (
        await call(hub, 'POST', '/v1/orgs/uk-one/accounts', {
          json: [account(number, { premiseId: 'p-700' })],
        })
      ).body.results[0];
    expect(await post('л/с 700')).toMatchObject({ key: '700', status: 'created' });
    expect(await post('700')).toMatchObject({ key: '700', status: 'unchanged' });
    expect(await post('№ 700 ЛС')).toMatchObject({ key: '700', status: 'unchanged' });
    const r = await call(hub, 'POST', '/v1/orgs/uk-one/receipts', { json: [receipt('лс 700')] });
    expect(r.body.results[0]).toMatchObject({ key: '700/2024-01/housing', status: 'created' });
    expect((await post('л/с')).errors[0]).toMatchObject({ code: 'account_number_empty', path: 'number' });
  });

  it('re-sending the same records changes nothing', async () => {
    const batch = [receipt('100'), receipt('102')];
    const first = await call(hub, 'POST', '/v1/orgs/uk-one/receipts', { json: batch });
    expect(first.body).toMatchObject({ created: 2 });
    const before = await call(
      hub,
      'GET',
      `/v1/orgs/uk-one/receipts/${encodeURIComponent('100/2024-01/housing')}`,
    );
    const again = await call(hub, 'POST', '/v1/orgs/uk-one/receipts', { json: batch });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const after = await call(
      hub,
      'GET',
      `/v1/orgs/uk-one/receipts/${encodeURIComponent('100/2024-01/housing')}`,
    );
    expect(after.body).toEqual(before.body);
    const changed = await call(hub, 'POST', '/v1/orgs/uk-one/receipts', {
      json: [receipt('100', '4225.58')],
    });
    expect(changed.body.results[0]).toMatchObject({ key: '100/2024-01/housing', status: 'updated' });
  });

  it('keeps money exact: kopecks inside, rubles on the wire', async () => {
    const res = await call(
      hub,
      'GET',
      `/v1/orgs/uk-one/receipts/${encodeURIComponent('102/2024-01/housing')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ toPay: '4225.57', balance: '1113.15' });
    expect(res.body.data.lines[0]).toMatchObject({ tariff: '2325.88', toPay: '0.00' });
  });

  it('rejects money with more than two decimals or an exponent, naming the field', async () => {
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/receipts', {
      json: [
        receipt('103', '10.005'),
        receipt('104', '1e3'),
        { ...receipt('105'), lines: [{ serviceId: 's', name: 'x', toPay: 'NaN' }] },
      ],
    });
    expect(res.body.results.map((r: { errors: { code: string; path: string }[] }) => r.errors[0])).toEqual([
      expect.objectContaining({ code: 'money_scale', path: 'toPay' }),
      expect.objectContaining({ code: 'money_format', path: 'toPay' }),
      expect.objectContaining({ code: 'money_format', path: 'lines.0.toPay' }),
    ]);
  });

  it('refuses a receipt whose bank account fails its key against the БИК', async () => {
    const bad = {
      ...receipt('106'),
      recipient: { inn: '9717025407', bik: '044525593', account: '40702810701100008294' },
    };
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/receipts', { json: [bad] });
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ code: 'bank_account_key', path: 'recipient.account' }],
    });
    expect(
      (await call(hub, 'GET', `/v1/orgs/uk-one/receipts/${encodeURIComponent('106/2024-01/housing')}`))
        .status,
    ).toBe(404);
  });

  it('accepts NDJSON, a broken line being that record’s error only', async () => {
    const body = `${JSON.stringify(account('200'))}\n{"number": "201",\n${JSON.stringify(account('202'))}\n`;
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', {
      body,
      contentType: 'application/x-ndjson',
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'rejected',
      'created',
    ]);
    expect(res.body.results[1].errors[0]).toMatchObject({ code: 'malformed_json' });
    expect(res.body.results[1].errors[0].message).toMatch(/line 2/);
  });

  it('rejects a duplicate key inside one request, keeping the last', async () => {
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', {
      json: [account('300', { ownerName: 'Первый' }), account('300', { ownerName: 'Второй' })],
    });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'created']);
    const got = await call(hub, 'GET', '/v1/orgs/uk-one/accounts/300');
    expect(got.body.data.ownerName).toBe('Второй');
  });

  it('dry-runs with ?dryRun=true: the same answers, nothing written', async () => {
    const batch = [account('dry-1'), account('dry-2', { els: 'bad' })];
    const dry = await call(hub, 'POST', '/v1/orgs/uk-one/accounts?dryRun=true', { json: batch });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ created: 1, rejected: 1 });
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/accounts/dry-1')).status).toBe(404);
    const real = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', { json: batch });
    expect(real.body.results).toEqual(dry.body.results);
    const again = await call(hub, 'POST', '/v1/orgs/uk-one/accounts?dryRun=true', {
      json: [account('dry-1', { ownerName: 'Петров Пётр Петрович' })],
    });
    expect(again.body).toMatchObject({ updated: 1 });
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/accounts/dry-1')).body.data.ownerName).toBe(
      'Иванов Иван Иванович',
    );
    expect((await call(hub, 'POST', '/v1/orgs/uk-one/accounts?dryRun=maybe', { json: batch })).status).toBe(
      400,
    );
  });

  it('lays records over the stored ones with ?merge=true', async () => {
    const house = {
      id: 'h-merge',
      address: 'г. Челябинск, ул. Ленина, д. 5',
      fiasGuid: '5f3c1b2a-7d4e-4c8a-9b1f-0e2d3c4b5a69',
    };
    expect((await call(hub, 'POST', '/v1/orgs/uk-one/houses', { json: [house] })).body).toMatchObject({
      created: 1,
    });
    const partial = { id: 'h-merge', address: 'г.Челябинск, ул.Ленина, д.5' };
    const merged = await call(hub, 'POST', '/v1/orgs/uk-one/houses?merge=true', {
      json: [partial, { id: 'h-new', address: 'ул. Новая, 1' }],
    });
    expect(merged.body.results.map((r: { status: string }) => r.status)).toEqual(['updated', 'created']);
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/houses/h-merge')).body.data).toEqual({
      ...house,
      address: partial.address,
    });
    const same = await call(hub, 'POST', '/v1/orgs/uk-one/houses?merge=true', { json: [partial] });
    expect(same.body).toMatchObject({ unchanged: 1 });
    // Keys that need quoting in an array literal are found too.
    const odd = { id: 'h "1", {2}\\3', address: 'ул. Кривая, 1', region: '74' };
    await call(hub, 'POST', '/v1/orgs/uk-one/houses', { json: [odd] });
    const oddMerged = await call(hub, 'POST', '/v1/orgs/uk-one/houses?merge=true', {
      json: [{ id: odd.id, address: 'ул. Кривая, д. 1' }],
    });
    expect(oddMerged.body).toMatchObject({ updated: 1 });
    const oddGot = await call(hub, 'GET', `/v1/orgs/uk-one/houses/${encodeURIComponent(odd.id)}`);
    expect(oddGot.body.data).toEqual({ ...odd, address: 'ул. Кривая, д. 1' });
    // Without merge the record is replaced: the ФИАС code goes.
    await call(hub, 'POST', '/v1/orgs/uk-one/houses', { json: [partial] });
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/houses/h-merge')).body.data).not.toHaveProperty(
      'fiasGuid',
    );
  });

  it('answers malformed JSON with 400 and the position', async () => {
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', { body: '[{"number": "1",}]' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'malformed_json', position: 16, line: 1, column: 17 });
  });

  it('answers a body that is not an array with 400', async () => {
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', { json: { number: '1' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('body_not_array');
  });

  it('answers too many records and too large a body with 413, writing nothing', async () => {
    const many = Array.from({ length: 51 }, (_, i) => account(`9${i}`));
    const res = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', { json: many });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'too_many_records', limit: 50 });
    const huge = [account('999', { ownerName: 'x'.repeat(300 * 1024) })];
    const res2 = await call(hub, 'POST', '/v1/orgs/uk-one/accounts', { json: huge });
    expect(res2.status).toBe(413);
    expect((await call(hub, 'GET', '/v1/orgs/uk-one/accounts/90')).status).toBe(404);
  });

  it('answers wrong parameter types with 400 naming the field', async () => {
    const res = await call(hub, 'GET', '/v1/orgs/uk-one/accounts?limit=abc');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.issues[0].path).toBe('querystring.limit');
  });

  it('pages with a stable cursor', async () => {
    await call(hub, 'POST', '/v1/orgs/uk-two/services', {
      json: Array.from({ length: 25 }, (_, i) => ({
        id: `s${String(i).padStart(2, '0')}`,
        name: `Услуга ${i}`,
      })),
    });
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const q: string = next ? `?limit=10&after=${next}` : '?limit=10';
      const page = await call(hub, 'GET', `/v1/orgs/uk-two/services${q}`);
      seen.push(...page.body.items.map((i: { key: string }) => i.key));
      next = page.body.next;
    } while (next);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort());
  });

  it('soft-deletes: the record stays readable with deletedAt and leaves the list', async () => {
    const del = await call(hub, 'DELETE', '/v1/orgs/uk-two/services/s00');
    expect(del.body).toEqual({ deleted: ['s00'] });
    const got = await call(hub, 'GET', '/v1/orgs/uk-two/services/s00');
    expect(got.body.deletedAt).not.toBeNull();
    const list = await call(hub, 'GET', '/v1/orgs/uk-two/services?limit=100');
    expect(list.body.items.map((i: { key: string }) => i.key)).not.toContain('s00');
    const withDeleted = await call(hub, 'GET', '/v1/orgs/uk-two/services?limit=100&includeDeleted=true');
    expect(withDeleted.body.items.map((i: { key: string }) => i.key)).toContain('s00');
    const bulk = await call(hub, 'POST', '/v1/orgs/uk-two/services/delete', {
      json: { keys: ['s01', 's02', 'nope'] },
    });
    expect(bulk.body.deleted.sort()).toEqual(['s01', 's02']);
    expect((await call(hub, 'DELETE', '/v1/orgs/uk-two/services/nope')).status).toBe(404);
  });

  it('answers an unknown organization with 404', async () => {
    const res = await call(hub, 'POST', '/v1/orgs/nobody/accounts', { json: [account('1')] });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('org_not_found');
    // Reads ask about the organization only when they find nothing: still org_not_found, not an
    // empty page or record_not_found.
    for (const path of ['/v1/orgs/nobody/accounts', '/v1/orgs/nobody/accounts/1']) {
      const read = await call(hub, 'GET', path);
      expect(read.status, path).toBe(404);
      expect(read.body.error, path).toBe('org_not_found');
    }
  });
});
