import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendInbox } from '../../src/store/inbox-store.js';
import { ACCOUNT, EXPORT_INBOX, EXPORT_METER, READINGS_CSV, UZHKH_READING } from '../support/export-inbox.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('exports for 1С on %s', (storeKind) => {
  let hub: TestHub;
  const ORG = 'uk-exp';

  /** The file's raw bytes and the export's headers. */
  async function file(path: string, token: string = hub.adminToken) {
    const res = await fetch(`${hub.url}/v1/orgs/${ORG}/exports/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const h = (name: string) => res.headers.get(name);
    return { status: res.status, bytes, h, text: iconv.decode(bytes, 'win1251') };
  }

  beforeAll(async () => {
    hub = await startTestHub(storeKind, { orgs: [ORG, 'uk-other'] });
    expect((await call(hub, 'POST', `/v1/orgs/${ORG}/meters`, { json: [EXPORT_METER] })).body.created).toBe(
      1,
    );
    expect(await appendInbox(hub.store.db, ORG, EXPORT_INBOX)).toBe(EXPORT_INBOX.length);
  });
  afterAll(async () => hub?.close());

  it('writes readings of every platform once, in windows-1251, with their sources and the 1С formats', async () => {
    const f = await file('readings');
    expect(f.status).toBe(200);
    expect(f.h('content-type')).toBe('text/csv; charset=windows-1251');
    expect(f.text).toBe(READINGS_CSV);
    // Really windows-1251: «Дата» is four bytes, not eight; re-encoding the expected text gives the file.
    expect([...f.bytes.subarray(0, 4)]).toEqual([0xc4, 0xe0, 0xf2, 0xe0]);
    expect(f.bytes.equals(iconv.encode(READINGS_CSV, 'win1251'))).toBe(true);
    expect(f.h('x-export-rows')).toBe('4');
    expect(f.h('x-export-items')).toBe('7');
    expect(f.h('x-export-after')).toBe('0');
    expect(f.h('x-export-through')).toBe('11');
    expect(f.h('x-export-skipped')).toBe('1');
    expect(JSON.parse(f.h('x-export-problems')!)).toEqual([
      { cursor: 10, platform: 'doma', sourceId: 'r-bad', field: 'date', message: 'the reading has no date' },
    ]);
  });

  it('selects a month or a day by the reading date, and writes UTF-8 on request', async () => {
    const month = await file('readings?date=2026-11&encoding=utf-8');
    const lines = READINGS_CSV.split('\r\n');
    expect(month.bytes.toString('utf8')).toBe([...lines.slice(0, 4), ''].join('\r\n'));
    const day = await file('readings?date=2026-10-31');
    expect(day.text).toBe([lines[0], lines[4], ''].join('\r\n'));
    expect(day.h('content-disposition')).toBe('attachment; filename="readings_2026-10-31.csv"');
  });

  it('writes payments with money from kopecks and a comma, local date-times and periods as dates', async () => {
    const f = await file('payments');
    expect(f.text).toBe(
      [
        'Номер платежа;Лицевой счет;Дата;Сумма;Период;Платформа;Код в источнике',
        `pay-d1;${ACCOUNT};10.11.2026 14:05:31;1234,50;01.11.2026;doma;pay-d1`,
        `P-77;${ACCOUNT};11.11.2026 0:30:00;1000,00;01.10.2026;uzhkh;payment:P-77`,
        '',
      ].join('\r\n'),
    );
    // In UTC the «Умное ЖКХ» payment (00:30 Moscow time) was still the day before.
    const utc = await file('payments?timeZone=UTC&date=2026-11-10');
    expect(utc.text).toBe(
      [
        'Номер платежа;Лицевой счет;Дата;Сумма;Период;Платформа;Код в источнике',
        `pay-d1;${ACCOUNT};10.11.2026 11:05:31;1234,50;01.11.2026;doma;pay-d1`,
        `P-77;${ACCOUNT};10.11.2026 21:30:00;1000,00;01.10.2026;uzhkh;payment:P-77`,
        '',
      ].join('\r\n'),
    );
  });

  it('quotes a cell with the separator, quotes or a line break; writes tickets and registration requests', async () => {
    const tickets = await file('tickets');
    expect(tickets.text).toBe(
      [
        'Номер заявки;Дата;Лицевой счет;Статус;Тема;Текст;Платформа;Код в источнике',
        `118;21.11.2026 9:15:00;${ACCOUNT};Новая;Течёт кран;"Кухня; капает ""сильно""\nс утра";uzhkh;guid-t1`,
        '',
      ].join('\r\n'),
    );
    const regs = await file('registrations');
    const [header, row] = regs.text.split('\r\n');
    expect(header).toBe('Номер заявки;Дата;Лицевой счет;ФИО;Телефон;E-mail;Адрес;Платформа;Код в источнике');
    // No time of its own: the time the hub received it.
    expect(row).toMatch(
      new RegExp(
        `^q-1;\\d\\d\\.\\d\\d\\.\\d{4} \\d{1,2}:\\d\\d:\\d\\d;${ACCOUNT};Иванова Анна Петровна;\\+79000000001;anna@example.ru;;uzhkh;guid-q1$`,
      ),
    );
  });

  it('writes NDJSON with the API formats and every source', async () => {
    const f = await file('readings?format=ndjson');
    expect(f.h('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const rows = f.bytes
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      date: '2026-11-20',
      accountNumber: ACCOUNT,
      meterId: 'm-1',
      meterNumber: 'ХВ-001',
      value1: '123.45',
      occurredAt: '2026-11-20T06:05:31.000Z',
    });
    expect(
      rows[0].sources.map((s: { platform: string; sourceId: string; cursor: number }) => [
        s.platform,
        s.sourceId,
        s.cursor,
      ]),
    ).toEqual([
      ['doma', 'r-1', 1],
      ['uzhkh', UZHKH_READING, 3],
      ['doma', 'r-2', 5],
    ]);
    const pay = (await file('payments?format=ndjson')).bytes
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(pay.map((p) => p.amount)).toEqual(['1234.50', '1000.00']);
    expect((await file('payments?format=ndjson&encoding=windows-1251')).status).toBe(400);
  });

  it('moves a named cursor only on ack, never back, and never past the inbox', async () => {
    const first = await file('payments?cursor=1c-pay');
    const again = await file('payments?cursor=1c-pay');
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const through = Number(first.h('x-export-through'));
    expect(through).toBe(4);
    const ack = await call(hub, 'POST', `/v1/orgs/${ORG}/exports/payments/ack`, {
      json: { through, cursor: '1c-pay' },
    });
    expect(ack.body).toEqual({ kind: 'payments', cursor: '1c-pay', position: 4 });
    const empty = await file('payments?cursor=1c-pay');
    expect(empty.text).toBe('Номер платежа;Лицевой счет;Дата;Сумма;Период;Платформа;Код в источнике\r\n');
    expect(empty.h('x-export-after')).toBe('4');
    expect(empty.h('x-export-through')).toBe('4');

    await appendInbox(hub.store.db, ORG, [
      {
        connectionId: 'c-doma',
        platform: 'doma',
        kind: 'payment',
        sourceId: 'pay-d2',
        payload: { accountNumber: ACCOUNT, occurredAt: '2026-11-12T07:00:00Z', amount: '0.10' },
      },
    ]);
    const next = await file('payments?cursor=1c-pay');
    expect(next.text.split('\r\n')[1]).toBe(`pay-d2;${ACCOUNT};12.11.2026 10:00:00;0,10;;doma;pay-d2`);
    // Another cursor, and `since`, read from where they say.
    expect((await file('payments')).h('x-export-rows')).toBe('3');
    expect((await file('payments?cursor=1c-pay&since=0')).h('x-export-rows')).toBe('3');
    const back = await call(hub, 'POST', `/v1/orgs/${ORG}/exports/payments/ack`, {
      json: { through: 1, cursor: '1c-pay' },
    });
    expect(back.body.position).toBe(4);
    const ahead = await call(hub, 'POST', `/v1/orgs/${ORG}/exports/payments/ack`, {
      json: { through: 999, cursor: '1c-pay' },
    });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error).toBe('cursor_ahead');
    const list = await call(hub, 'GET', `/v1/orgs/${ORG}/exports`);
    expect(
      list.body.cursors.map((c: { kind: string; name: string; position: number }) => [
        c.kind,
        c.name,
        c.position,
      ]),
    ).toEqual([['payments', '1c-pay', 4]]);
  });

  it('needs a token of the organization and names bad parameters', async () => {
    const other = await hub.tokenFor('uk-other');
    expect((await file('readings', other)).status).toBe(403);
    expect((await file('readings', 'nope')).status).toBe(401);
    const own = await hub.tokenFor(ORG);
    expect((await file('readings', own)).status).toBe(200);
    expect((await file('meters')).status).toBe(400);
    expect((await file('readings?date=2026-13')).status).toBe(400);
    const feb = await call(hub, 'GET', `/v1/orgs/${ORG}/exports/readings?date=2026-02-31`);
    expect(feb.status).toBe(400);
    expect(feb.body.message).toContain('2026-02-31');
    const tz = await call(hub, 'GET', `/v1/orgs/${ORG}/exports/readings?timeZone=Mars/Olympus`);
    expect(tz.status).toBe(400);
    expect(tz.body.message).toContain('Mars/Olympus');
    const doc = await call(hub, 'GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orgs/{org}/exports/{kind}',
        '/v1/orgs/{org}/exports/{kind}/ack',
        '/v1/orgs/{org}/exports',
      ]),
    );
  });
});
