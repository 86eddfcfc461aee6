import { expect } from 'vitest';
import { call, type TestHub, type TestHubOptions } from './test-hub.js';
import { storeKinds } from './test-stores.js';

export type BulkPath = 'on the hub thread' | 'in a bulk-body thread';

/**
 * The ways a bulk body is validated, for suites of bad input: on the hub's thread (small bodies,
 * `ZHKH_BULK_THREADS=0`) on every store, and in a bulk-body thread — the same code whatever the
 * store, so PGlite alone — with every body sent there, however small.
 */
export const bulkPaths: Array<['pglite' | 'postgres', BulkPath]> = [
  ...storeKinds.map((k) => [k, 'on the hub thread'] as ['pglite' | 'postgres', BulkPath]),
  ['pglite', 'in a bulk-body thread'],
];

export function bulkOptions(where: BulkPath): Pick<TestHubOptions, 'bulkThreads' | 'bulkThreadMinBytes'> {
  return where === 'on the hub thread' ? { bulkThreads: 0 } : { bulkThreads: 1, bulkThreadMinBytes: 0 };
}

/** Checks from the hub's metrics that the suite's bulk bodies went where it says, and some did. */
export async function expectBulkBodiesWent(hub: TestHub, where: BulkPath): Promise<void> {
  const text = (await call(hub, 'GET', '/metrics')).text;
  const count = (w: string) =>
    Number(new RegExp(`^zhkh_bulk_bodies_total\\{where="${w}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  const [here, other] = where === 'on the hub thread' ? ['hub', 'thread'] : ['thread', 'hub'];
  expect(count(here), `bulk bodies validated ${where}`).toBeGreaterThan(0);
  expect(count(other!), `bulk bodies validated elsewhere than ${where}`).toBe(0);
}
