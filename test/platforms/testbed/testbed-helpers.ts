import type { ConnectorContext } from '../../../src/engine/connector/connector.js';
import { createPlatformFetch } from '../../../src/engine/policy/platform-fetch.js';
import type { TestbedCredentials } from '../../../src/platforms/testbed/client/testbed-credentials.js';
import type { TestbedSettings } from '../../../src/platforms/testbed/client/testbed-settings.js';
import type { Testbed } from '../../../src/platforms/testbed/sandbox/start-testbed.js';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers field by field
  body: any;
  headers: Headers;
}

/** A plain fetch against the sandbox: JSON in and out, an optional bearer token. */
export async function api(
  bed: Testbed,
  method: string,
  path: string,
  opts: { token?: string; json?: unknown; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.json === undefined ? opts.body : JSON.stringify(opts.json);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(bed.url + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export async function login(bed: Testbed): Promise<string> {
  const answer = await api(bed, 'POST', '/api/login', { json: { user: bed.user, password: bed.password } });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status}`);
  return answer.body.token;
}

/** `n` upserts of a kind with payload `{n: i}` and keys `k0`, `k1`, … */
export function upserts(n: number, from = 0): Array<{ key: string; op: 'upsert'; payload: unknown }> {
  return Array.from({ length: n }, (_, i) => ({
    key: `k${from + i}`,
    op: 'upsert',
    payload: { n: from + i },
  }));
}

/** A connector context built by hand, with the engine's real fetch mapping. */
export function contextFor(
  bed: Testbed,
  credentials: TestbedCredentials = { user: bed.user, password: bed.password },
): ConnectorContext<TestbedSettings, TestbedCredentials> & { session: Map<string, unknown> } {
  const signal = new AbortController().signal;
  return {
    connection: {
      id: 'conn-1',
      orgId: 'org-1',
      platform: 'testbed',
      settings: { baseUrl: `${bed.url}/`, batchSize: 1000, maxBatchBytes: 1_048_576 },
    },
    credentials,
    fetch: createPlatformFetch({ timeoutMs: 5000, signal }),
    session: new Map(),
    signal,
    ids: { platformIdOf: async () => undefined, keyOf: async () => undefined },
  };
}
