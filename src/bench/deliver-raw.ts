import { testbedPaths } from '../platforms/testbed/contract/testbed-paths.js';
import type { Store } from '../store/open-store.js';
import { listRecords } from '../store/record-store.js';

/**
 * The request bodies the testbed connector sends for one kind, built in advance: the canonical
 * records as the store answers them, in key order, in batches of `batch`, `{"items":[{key,op,payload}]}`.
 */
export async function buildItemBodies(
  store: Store,
  orgId: string,
  kind: string,
  batch: number,
): Promise<string[]> {
  const bodies: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listRecords(store.db, orgId, kind, { after, limit: batch });
    if (page.length === 0) break;
    after = page[page.length - 1]!.key;
    bodies.push(JSON.stringify({ items: page.map((r) => ({ key: r.key, op: 'upsert', payload: r.data })) }));
    if (page.length < batch) break;
  }
  return bodies;
}

/**
 * The platform's raw intake: logs in once, then posts the pre-built bodies back to back, one in
 * flight (as the engine's default policy), reading each answer. Answers the seconds of the loop alone.
 */
export async function postBodies(
  baseUrl: string,
  creds: { user: string; password: string },
  kind: string,
  bodies: readonly string[],
): Promise<number> {
  const login = await fetch(`${baseUrl}${testbedPaths.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: creds.user, password: creds.password }),
  });
  if (login.status !== 200) throw new Error(`testbed login answered ${login.status}: ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const url = `${baseUrl}${testbedPaths.items}/${kind}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const t0 = performance.now();
  for (const body of bodies) {
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`testbed answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return (performance.now() - t0) / 1000;
}
