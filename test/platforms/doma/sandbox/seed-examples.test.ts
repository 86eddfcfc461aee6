import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomaBillingCategory } from '../../../../src/platforms/doma/contract/billing-categories.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { sharedFile } from '../shared-reference.js';
import type { GqlAnswer } from './doma-helpers.js';
import { type CurlExample, curlExamples } from './seed-curl.js';

const seedFile = sharedFile('seeds', '000_0c157ff9df54a956.txt');
const TOKEN_PLACEHOLDER = /<здесь ваш\s*токен>/;

/** Which operation an example calls (the most specific name first). */
const OPERATIONS = [
  'authenticateUserWithPassword',
  'registerBillingReceipts',
  'createBillingReceiptFile',
  'registerBillingReceiptFile',
  'registerMetersReadings',
  'allMeterReadings',
  'allMeters',
  'updateMeter',
  'allPayments',
] as const;

function operationOf(ex: CurlExample): string {
  const text = ex.data ?? ex.form.map((f) => f.value).join(' ');
  return OPERATIONS.find((op) => text.includes(`${op}(`) || text.includes(`${op} {`)) ?? 'unknown';
}

describe.skipIf(!seedFile)('Doma.ai sandbox answers seed 000’s curl examples as the seed documents', () => {
  if (!seedFile) console.warn('seed 000_0c157ff9df54a956.txt not found under ../shared/seeds: skipped');
  const examples = seedFile ? curlExamples(readFileSync(seedFile, 'utf8')) : [];
  const byOp = new Map(examples.map((ex) => [operationOf(ex), ex]));
  let sb: DomaSandbox;
  let token = '';
  beforeAll(async () => {
    sb = await startDomaSandbox();
  });
  afterAll(() => sb.close());

  /**
   * Sends an example as written, to the sandbox, with our token and (for login) our credentials;
   * `fix` repairs a malformed example minimally (its data, its operations part, or a missing map).
   */
  async function send(
    op: string,
    fix: { data?: (d: string) => string; operations?: (v: string) => string; map?: string } = {},
  ) {
    const ex = byOp.get(op);
    if (!ex) throw new Error(`no curl example for ${op} in the seed`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(ex.headers)) headers[k] = v.replace(TOKEN_PLACEHOLDER, token);
    let body: string | FormData;
    if (ex.data !== undefined) {
      body = fix.data ? fix.data(ex.data) : ex.data;
      if (op === 'authenticateUserWithPassword') {
        const json = JSON.parse(body);
        json.variables = { identity: sb.email, secret: sb.password };
        body = JSON.stringify(json);
      }
    } else {
      const form = new FormData();
      // The example's file is on its author's disk: a small PDF of ours stands in for it.
      for (const part of ex.form) {
        if (part.file)
          form.set(part.name, new Blob(['%PDF-1.7\n%%EOF'], { type: 'application/pdf' }), 'receipt-demo.pdf');
        else
          form.set(
            part.name,
            part.name === 'operations' && fix.operations ? fix.operations(part.value) : part.value,
          );
      }
      if (fix.map !== undefined) form.set('map', fix.map);
      body = form;
    }
    const res = await fetch(sb.apiUrl, { method: 'POST', headers, body });
    return { status: res.status, body: (await res.json()) as GqlAnswer['body'] };
  }

  it('finds the nine curl examples, all aimed at /admin/api', () => {
    expect([...byOp.keys()].sort()).toEqual([...OPERATIONS].sort());
    for (const ex of examples) expect(new URL(ex.url).pathname).toBe('/admin/api');
  });

  it('login answers {data: {auth: {token}}}', async () => {
    const a = await send('authenticateUserWithPassword');
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ data: { auth: { token: expect.any(String) } } });
    token = a.body.data.auth.token;
  });

  it('registerBillingReceipts answers the array of receipt ids', async () => {
    const a = await send('registerBillingReceipts');
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ data: { result: [{ id: expect.stringMatching(/^[0-9a-f-]{36}$/) }] } });
    expect(sb.receipts()).toEqual([
      expect.objectContaining({
        importId: '198812',
        accountNumber: 'K9910000706',
        period: '2024-01-01',
        toPay: '167.10000000',
        categoryId: DomaBillingCategory.capitalRepair,
      }),
    ]);
  });

  it('createBillingReceiptFile: the example’s operations JSON lacks its last brace, so HTTP 400', async () => {
    const a = await send('createBillingReceiptFile');
    expect(a.status).toBe(400);
    expect(a.body.errors[0].message).toMatch(/^Invalid JSON in the ‘operations’ multipart field/);
  });

  it('createBillingReceiptFile repaired (the brace added) attaches the PDF to receipt 198812', async () => {
    const a = await send('createBillingReceiptFile', { operations: (v) => `${v}}` });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ data: { createBillingReceiptFile: { id: expect.any(String) } } });
    expect(sb.files()).toEqual([expect.objectContaining({ importId: '198812', controlSum: 'some-value' })]);
  });

  it('registerBillingReceiptFile: the example’s JSON is malformed (`]]}`), so HTTP 400 and no data', async () => {
    const a = await send('registerBillingReceiptFile');
    expect(a.status).toBe(400);
    expect(a.body.data).toBeUndefined();
    expect(a.body.errors[0].message).toMatch(/JSON/);
  });

  it('registerBillingReceiptFile repaired (`]]}` → `}}`) replaces the PDF of receipt 198812', async () => {
    const a = await send('registerBillingReceiptFile', {
      data: (d) => d.replace(/"\s*}\s*]\s*]\s*}\s*$/, '"}}}'),
    });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ data: { result: { id: expect.any(String), status: 'UPDATED' } } });
    const again = await send('registerBillingReceiptFile', {
      data: (d) => d.replace(/"\s*}\s*]\s*]\s*}\s*$/, '"}}}'),
    });
    expect(again.body.data.result.status).toBe('SKIPPED');
  });

  it('registerMetersReadings: the example sends data {}, refused before execution', async () => {
    const a = await send('registerMetersReadings');
    expect(a.status).toBe(400);
    expect(a.body.errors[0].message).toContain('Variable "$data" got invalid value {}');
  });

  it('allMeterReadings: the example is unterminated and has an extra brace, so HTTP 400; repaired it lists', async () => {
    const a = await send('allMeterReadings');
    expect(a.status).toBe(400);
    expect(a.body.data).toBeUndefined();
    sb.addResidentReading({ meterId: SeedIds.meter, values: ['42'] });
    const fixed = await send('allMeterReadings', { data: (d) => `${d.replace(/\s*}\s*$/, '')}"}` });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data.allMeterReadings).toEqual([
      expect.objectContaining({ value1: '42', meter: expect.objectContaining({ id: SeedIds.meter }) }),
    ]);
  });

  it('allMeters: the example is unterminated and has an extra brace, so HTTP 400; repaired it lists the seed meter', async () => {
    const a = await send('allMeters');
    expect(a.status).toBe(400);
    const fixed = await send('allMeters', { data: (d) => d.replace(/}}}"\s*$/, '}}"}') });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data.objs).toEqual([
      expect.objectContaining({
        id: SeedIds.meter,
        organization: { id: SeedIds.meterOrganization, tin: expect.any(String) },
        property: expect.objectContaining({ addressKey: SeedIds.houseFias }),
        resource: { id: expect.any(String), name: 'Холодная вода' },
        isAutomatic: false,
      }),
    ]);
  });

  it('updateMeter: the fingerprint placeholder is refused as written; filled in, the meter is archived', async () => {
    const a = await send('updateMeter');
    expect(a.status).toBe(200);
    expect(a.body.errors[0].extensions.type).toBe('WRONG_FORMAT');
    const fixed = await send('updateMeter', {
      data: (d) => d.replace(/<название вашего\s*приложения>/, 'my-billing'),
    });
    expect(fixed.body).toEqual({
      data: { result: { id: SeedIds.meter, archiveDate: '2025-03-01T00:00:00.000Z' } },
    });
  });

  it('allPayments: the example’s operations JSON lacks a comma (and has no map), so HTTP 400', async () => {
    const a = await send('allPayments');
    expect(a.status).toBe(400);
    expect(a.body.errors[0].message).toMatch(/^Invalid JSON in the ‘operations’ multipart field/);
  });

  it('allPayments with the JSON and map repaired: `data` is not an argument; with `where`, DONE and WITHDRAWN come back', async () => {
    const org = SeedIds.organizations[2];
    sb.addPayment({
      organizationId: org,
      accountNumber: '3-1',
      amount: '1000.00',
      implicitFee: '50.00',
      order: '350000',
      transferDate: '2024-10-29T00:00:00.000Z',
    });
    sb.addPayment({
      organizationId: org,
      accountNumber: '3-2',
      amount: '5',
      status: 'WITHDRAWN',
      transferDate: '2024-10-29T23:59:59.999Z',
    });
    sb.addPayment({
      organizationId: org,
      accountNumber: '3-3',
      amount: '7',
      transferDate: '2024-10-29T12:00:00.000Z',
    });
    const json = (v: string) => v.replace(/("WITHDRAWN"\s*])\s*\n/, '$1,\n');
    const withData = await send('allPayments', { operations: json, map: '{}' });
    expect(withData.status).toBe(400);
    expect(withData.body.errors[0].message).toContain('Unknown argument "data"');
    const withWhere = await send('allPayments', {
      operations: (v) => json(v).replace('allPayments(data:', 'allPayments(where:'),
      map: '{}',
    });
    expect(withWhere.status).toBe(200);
    // `transferDate_in` is equality with each instant, not a range: the 12:00 payment is not in it.
    expect(withWhere.body.data.allPayments.map((p: { accountNumber: string }) => p.accountNumber)).toEqual([
      '3-1',
      '3-2',
    ]);
    expect(withWhere.body.data.allPayments[0]).toMatchObject({
      amount: '1000.00000000',
      implicitFee: '50.00000000',
      order: '350000',
    });
  });
});
