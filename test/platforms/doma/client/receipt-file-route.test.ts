import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestHub, type TestHub } from '../../../support/test-hub.js';
import { storeKinds } from '../../../support/test-stores.js';
import { tinyPdf } from '../e2e/doma-fixture.js';

const ORG = 'uk-pdf';
describe.each(storeKinds)('PDF receipt upload route (%s)', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: [ORG] });
  });
  afterAll(async () => {
    await hub?.close();
  });

  const put = (path: string, body: Buffer, contentType = 'application/pdf', token?: string | null) =>
    fetch(`${hub.url}/v1/orgs/${ORG}/receipts/${path}`, {
      method: 'PUT',
      headers: {
        'content-type': contentType,
        ...(token === null ? {} : { authorization: `Bearer ${token ?? hub.adminToken}` }),
      },
      body,
    });

  it('stores a PDF as a receipt_file record, answers it back, and writes nothing for the same bytes', async () => {
    const pdf = tinyPdf('one');
    const first = await put('1000000001/2024-01/housing/pdf', pdf);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ kind: 'receipt_file', created: 1 });
    const again = await put('1000000001/2024-01/housing/pdf', pdf);
    expect(await again.json()).toMatchObject({ unchanged: 1, created: 0, updated: 0 });

    const pub = await put('1000000001/2024-01/housing/pdf?variant=public', tinyPdf('public'));
    expect(await pub.json()).toMatchObject({ created: 1 });
    const listed = await call(hub, 'GET', `/v1/orgs/${ORG}/receipt-files`);
    expect(listed.body.items.map((i: { key: string }) => i.key)).toEqual([
      '1000000001/2024-01/housing/full',
      '1000000001/2024-01/housing/public',
    ]);
    expect(listed.body.items[0].data.content).toBe(pdf.toString('base64'));

    const back = await fetch(`${hub.url}/v1/orgs/${ORG}/receipts/1000000001/2024-01/housing/pdf`, {
      headers: { authorization: `Bearer ${hub.adminToken}` },
    });
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('refuses what is not a PDF, a bad period, another content type, and callers without a token', async () => {
    const notPdf = await put('1000000001/2024-02/housing/pdf', Buffer.from('hello, not a pdf'));
    expect(notPdf.status).toBe(400);
    expect(JSON.stringify(await notPdf.json())).toContain('content');
    const badPeriod = await put('1000000001/2024-13/housing/pdf', tinyPdf('x'));
    expect(badPeriod.status).toBe(400);
    expect(JSON.stringify(await badPeriod.json())).toContain('period');
    expect((await put('1000000001/2024-02/housing/pdf', tinyPdf('x'), 'text/plain')).status).toBe(415);
    expect((await put('1000000001/2024-02/housing/pdf', tinyPdf('x'), 'application/pdf', null)).status).toBe(
      401,
    );
  });

  it('refuses a body over 10 MB with 413', async () => {
    const big = Buffer.concat([tinyPdf('big'), Buffer.alloc(10 * 1024 * 1024)]);
    expect((await put('1000000001/2024-03/housing/pdf', big)).status).toBe(413);
  });
});
