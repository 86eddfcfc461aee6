import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_METERS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-meters.js';
import { LOGIN_DOCUMENT } from '../../../../src/platforms/doma/contract/login.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, receipt, receiptsVariables } from './doma-helpers.js';

const list = { where: {}, first: 10, sortBy: ['id_ASC'] };

describe('Doma.ai sandbox: login, tokens, access', () => {
  let now = Date.parse('2026-01-10T10:00:00.000Z');
  let sb: DomaSandbox;
  beforeAll(async () => {
    sb = await startDomaSandbox({ clock: () => new Date(now), tokenTtlMs: 60_000 });
  });
  afterAll(() => sb.close());

  it('logs the service user in with a token shaped like the platform’s', async () => {
    const a = await gql(sb, LOGIN_DOCUMENT, { email: sb.email, password: sb.password });
    expect(a.status).toBe(200);
    expect(a.body.data.auth.token).toMatch(/^[0-9a-f]{32}\.[A-Za-z0-9_-]+$/);
    expect(a.body.data.auth.item.id).toEqual(expect.any(String));
  });

  it('refuses a wrong password and an unknown email with the platform’s messages', async () => {
    const wrong = await gql(sb, LOGIN_DOCUMENT, { email: sb.email, password: 'nope' });
    expect(wrong.body.data.auth).toBeNull();
    expect(wrong.body.errors[0].message).toMatch(/^\[passwordAuth:secret:mismatch\]/);
    const unknown = await gql(sb, LOGIN_DOCUMENT, { email: 'who@example.com', password: sb.password });
    expect(unknown.body.errors[0].message).toMatch(/^\[passwordAuth:identity:notFound\]/);
  });

  it('answers UNAUTHENTICATED without a token and after the token expires', async () => {
    const none = await gql(sb, ALL_METERS_DOCUMENT, list);
    expect(none.status).toBe(200);
    expect(none.body.data.objs).toBeNull();
    expect(none.body.errors[0]).toMatchObject({
      name: 'AuthenticationError',
      message: 'No or incorrect authentication credentials',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const token = await login(sb);
    expect((await gql(sb, ALL_METERS_DOCUMENT, list, token)).body.errors).toBeUndefined();
    now += 61_000;
    const late = await gql(sb, ALL_METERS_DOCUMENT, list, token);
    expect(late.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('expires every token on demand (a fault)', async () => {
    const token = await login(sb);
    sb.expireTokens();
    expect((await gql(sb, ALL_METERS_DOCUMENT, list, token)).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses a tampered token', async () => {
    const token = await login(sb);
    const tampered = `${token.slice(0, 33)}AAAA${token.slice(37)}`;
    expect((await gql(sb, ALL_METERS_DOCUMENT, list, tampered)).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers AccessDenied for an unknown or unfinished billing context', async () => {
    const token = await login(sb);
    const unknown = await gql(
      sb,
      REGISTER_BILLING_RECEIPTS_DOCUMENT,
      receiptsVariables([receipt(1)], '00000000-0000-4000-8000-000000000000'),
      token,
    );
    expect(unknown.body.data.result).toBeNull();
    expect(unknown.body.errors[0]).toMatchObject({
      name: 'AccessDeniedError',
      message: 'You do not have access to this resource',
    });
    const org = sb.addOrganization({ name: 'Other УК' });
    const ctx = sb.addContext(org.id, 'InProgress');
    const unfinished = await gql(
      sb,
      REGISTER_BILLING_RECEIPTS_DOCUMENT,
      receiptsVariables([receipt(1)], ctx.id),
      token,
    );
    expect(unfinished.body.errors[0].name).toBe('AccessDeniedError');
    expect(sb.receipts()).toHaveLength(0);
  });
});
