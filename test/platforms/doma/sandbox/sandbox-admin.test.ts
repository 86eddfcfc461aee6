import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_METERS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-meters.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT as DOC } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import { domaSandbox, parseDuration } from '../../../../src/platforms/doma/sandbox/doma-sandbox.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { type GqlAnswer, gql, login, receipt, receiptsVariables } from './doma-helpers.js';

describe('Doma.ai sandbox: admin routes and faults', () => {
  let sb: DomaSandbox;
  beforeAll(async () => {
    sb = await startDomaSandbox();
  });
  afterAll(() => sb.close());

  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sb.url}/_sandbox/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as GqlAnswer['body'] };
  };

  it('creates an organization, a Finished context and a house, then receipts land there', async () => {
    const org = await admin('POST', 'organizations', { name: 'УК Новая', tin: '7700000000' });
    const ctx = await admin('POST', 'contexts', { organizationId: org.body.id });
    expect(ctx.body.status).toBe('Finished');
    const house = await admin('POST', 'properties', {
      organizationId: org.body.id,
      address: 'г Казань, ул Баумана, д 1',
    });
    expect(house.status).toBe(201);
    const token = await login(sb);
    const a = await gql(sb, DOC, receiptsVariables([receipt(1)], ctx.body.id), token);
    expect(a.body.errors).toBeUndefined();
    const receipts = await admin('GET', 'receipts');
    expect(receipts.body).toEqual([
      expect.objectContaining({ contextId: ctx.body.id, importId: 'imp-1', toPay: '100.50000000' }),
    ]);
    expect((await admin('GET', 'writes')).body).toMatchObject({ receipts: 1, total: 3 });
  });

  it('adds payments and residents’ readings, refusing bad ones with a readable error', async () => {
    const orgId = (await admin('GET', 'state')).body.organizations[0].id;
    const paid = await admin('POST', 'payments', [
      { organizationId: orgId, accountNumber: '1', amount: '10.00', order: '77' },
    ]);
    expect(paid.body[0]).toMatchObject({ amount: '10.00000000', status: 'DONE', order: '77' });
    const bad = await admin('POST', 'payments', { organizationId: orgId, amount: 'ten' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('amount');
    const meterId = (await admin('GET', 'meters')).body[0].id;
    const read = await admin('POST', 'readings', { meterId, values: ['5.5'], source: 'webApp' });
    expect(read.body[0]).toMatchObject({ meterId, sourceType: 'web_app' });
    expect((await admin('GET', 'writes')).body.readings).toBe(0);
  });

  it('injects the platform’s 500, a proxy’s 503 and latency, and expires tokens', async () => {
    const token = await login(sb);
    const list = { where: {}, first: 1, sortBy: ['id_ASC'] };
    await admin('POST', 'faults', { errorRate: 1 });
    const e500 = await gql(sb, ALL_METERS_DOCUMENT, list, token);
    expect(e500.status).toBe(500);
    expect(e500.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    await admin('POST', 'faults', { errorRate: 0, http5xxRate: 1 });
    expect((await gql(sb, ALL_METERS_DOCUMENT, list, token)).status).toBe(503);
    await admin('POST', 'faults', { http5xxRate: 0, latencyMs: 150 });
    const started = Date.now();
    expect((await gql(sb, ALL_METERS_DOCUMENT, list, token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await admin('POST', 'faults', { latencyMs: 0 });
    expect((await admin('POST', 'faults', { errorRate: 2 })).status).toBe(400);
    await admin('POST', 'expire-tokens');
    expect((await gql(sb, ALL_METERS_DOCUMENT, list, token)).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('resets to the starting objects', async () => {
    expect((await admin('POST', 'reset')).status).toBe(200);
    const state = (await admin('GET', 'state')).body;
    expect(state.organizations).toHaveLength(3);
    expect(state.counts).toEqual({ receipts: 0, receiptFiles: 0, meters: 1, readings: 0, payments: 0 });
    expect(state.writes.total).toBe(0);
  });

  it('the CLI spec starts a sandbox with the flags and prints the credentials', async () => {
    const started = await domaSandbox.start({
      host: '127.0.0.1',
      port: '0',
      email: 'e@x.ru',
      password: 'pw',
      tokenTtl: '30m',
      quota: '100',
    });
    try {
      expect(started.banner.join('\n')).toContain('email e@x.ru, password pw');
      expect(started.banner.join('\n')).toContain('edbd5639-6e78-4128-b166-3092aa500d8e');
    } finally {
      await started.close();
    }
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });
});
