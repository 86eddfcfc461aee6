import { LOGIN_DOCUMENT } from '../../../../src/platforms/doma/contract/login.js';
import { senderOf } from '../../../../src/platforms/doma/contract/sender.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import type { DomaSandbox } from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';

export interface GqlAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field in the tests
  body: any;
}

/** POSTs a GraphQL request to the sandbox's API. */
export async function gql(
  sb: DomaSandbox,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlAnswer> {
  const res = await fetch(sb.apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, body };
}

export async function login(sb: DomaSandbox): Promise<string> {
  const a = await gql(sb, LOGIN_DOCUMENT, { email: sb.email, password: sb.password });
  const token = a.body?.data?.auth?.token;
  if (typeof token !== 'string') throw new Error(`login failed: ${JSON.stringify(a.body)}`);
  return token;
}

export const SENDER = senderOf('zhkh-bridge-test');

/** A valid receipt for the seed's context, varied by n. */
export function receipt(n: number, patch: Record<string, unknown> = {}) {
  return {
    importId: `imp-${n}`,
    accountNumber: `AC${String(n).padStart(6, '0')}`,
    address: `Маломосковская ул, дом № 14, кв. ${n}`,
    addressMeta: { globalId: SeedIds.houseFias },
    tin: '9717025407',
    bankAccount: '40705810338000001351',
    routingNumber: '044525225',
    year: 2024,
    month: 1,
    toPay: '100.5',
    services: [
      { id: 's1', name: 'Содержание', toPay: '100.5', toPayDetails: { charge: '100.50', volume: '1.5' } },
    ],
    ...patch,
  };
}

export function receiptsVariables(receipts: unknown[], contextId: string = SeedIds.context) {
  return { data: { dv: 1, sender: SENDER, context: { id: contextId }, receipts } };
}
