import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PAYMENTS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-payments.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT as DOC } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, receipt, receiptsVariables } from './doma-helpers.js';

describe('Doma.ai sandbox: complexity rate limit', () => {
  let now = Date.parse('2026-02-01T12:00:00.000Z');
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox({ quota: 20, clock: () => new Date(now) });
    token = await login(sb);
  });
  afterAll(() => sb.close());

  const header = (a: { headers: Headers }, name: string) => a.headers.get(`x-rate-limit-complexity-${name}`);

  it('charges 5 a mutation and more for a list, with the headers on every answer', async () => {
    const m = await gql(sb, DOC, receiptsVariables([receipt(1)]), token);
    expect(m.status).toBe(200);
    expect([header(m, 'limit'), header(m, 'used'), header(m, 'remaining')]).toEqual(['20', '5', '15']);
    expect(Number(header(m, 'reset'))).toBe(Math.ceil((now + 3600_000) / 1000));
    const q = await gql(sb, ALL_PAYMENTS_DOCUMENT, { where: {}, first: 500, sortBy: ['id_ASC'] }, token);
    expect(q.status).toBe(200);
    expect(header(q, 'used')).toBe('16');
  });

  it('NOTES.md: the rate limit is raised before execution — HTTP 400 without data, nothing spent', async () => {
    const before = sb.writeCount();
    const a = await gql(sb, DOC, receiptsVariables([receipt(2)]), token);
    expect(a.status).toBe(400);
    expect(a.body).not.toHaveProperty('data');
    expect(a.body.errors[0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      type: 'RATE_LIMIT_EXCEEDED',
    });
    // The reset is stated twice: the header in epoch seconds, resetTime as the same instant.
    const reset = Number(header(a, 'reset'));
    expect(reset).toBe(Math.ceil((now + 3600_000) / 1000));
    expect(Date.parse(a.body.errors[0].extensions.messageInterpolation.resetTime)).toBe(reset * 1000);
    expect(header(a, 'remaining')).toBe('4');
    expect(sb.writeCount()).toBe(before);
  });

  it('restores the quota when the hour is over', async () => {
    now += 3600_000;
    const a = await gql(sb, DOC, receiptsVariables([receipt(2)]), token);
    expect(a.status).toBe(200);
    expect(header(a, 'used')).toBe('5');
  });

  it('a quota can be changed while running', async () => {
    sb.setFaults({ quota: 1000 });
    const a = await gql(sb, DOC, receiptsVariables([receipt(3)]), token);
    expect(header(a, 'limit')).toBe('1000');
  });
});
