import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domaLimits } from '../../../../src/platforms/doma/contract/doma-limits.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT as DOC } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import { variablesSize } from '../../../../src/platforms/doma/contract/variables-size.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, receipt, receiptsVariables } from './doma-helpers.js';

/** Receipts whose variables measure just over or under the limit (raw pads one receipt). */
function sized(targetBytes: number) {
  const vars = receiptsVariables([receipt(1, { raw: { pad: '' } })]);
  const base = variablesSize(vars);
  const padChars = Math.floor((targetBytes - base) / 2);
  return receiptsVariables([receipt(1, { raw: { pad: 'я'.repeat(padChars) } })]);
}

describe('Doma.ai sandbox: variables size and query length', () => {
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox();
    token = await login(sb);
  });
  afterAll(() => sb.close());

  it('accepts variables of exactly the limit by the platform measure', async () => {
    const vars = sized(domaLimits.variablesBytes);
    expect(variablesSize(vars)).toBe(domaLimits.variablesBytes);
    const a = await gql(sb, DOC, vars, token);
    expect(a.status).toBe(200);
    expect(a.body.data.result[0].importId).toBe('imp-1');
  });

  it('refuses variables over the limit with HTTP 400, VARIABLES_SIZE_EXCEEDED and no data', async () => {
    const vars = sized(domaLimits.variablesBytes + 2);
    // UTF-8 bytes are fewer than the measure: Cyrillic is 2 bytes in both, ASCII 1 vs 2.
    expect(Buffer.byteLength(JSON.stringify(vars))).toBeLessThan(domaLimits.variablesBytes);
    const before = sb.writeCount();
    const a = await gql(sb, DOC, vars, token);
    expect(a.status).toBe(400);
    expect(a.body.data).toBeUndefined();
    expect(a.body.errors[0]).toMatchObject({
      message: 'Variables size limit exceeded. Consider using simpler filters or decreasing batch size',
      extensions: { code: 'PAYLOAD_TOO_LARGE', type: 'VARIABLES_SIZE_EXCEEDED' },
    });
    expect(sb.writeCount()).toBe(before);
  });

  it('refuses a query longer than 8192 characters with ROOT_QUERY_LENGTH_EXCEEDED', async () => {
    const long = `${DOC}\n${'#'.repeat(domaLimits.queryChars)}`;
    const a = await gql(sb, long, receiptsVariables([receipt(1)]), token);
    expect(a.status).toBe(400);
    expect(a.body.data).toBeUndefined();
    expect(a.body.errors[0].extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      type: 'ROOT_QUERY_LENGTH_EXCEEDED',
    });
  });

  it('answers a malformed query and an unknown field as GraphQL does, HTTP 400', async () => {
    const syntax = await gql(sb, 'query { allMeters { id }', {}, token);
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].message).toMatch(/^Syntax Error/);
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await gql(sb, 'query { allPayments(data: {}) { id } }', {}, token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toContain('Unknown argument "data"');
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses variables of the wrong shape before execution', async () => {
    const a = await gql(sb, DOC, { data: {} }, token);
    expect(a.status).toBe(400);
    expect(a.body.errors[0].message).toContain('Variable "$data" got invalid value');
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await fetch(sb.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(res.status).toBe(400);
  });
});
