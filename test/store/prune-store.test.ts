import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnection } from '../../src/store/connection-store.js';
import type { Store } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { pruneHistory } from '../../src/store/prune-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import { listConnectionHealth } from '../../src/store/run-stats-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { PLANTED, plantHistory } from '../support/plant-history.js';
import { orgFixture, TEST_SECRET } from '../support/test-hub.js';
import { openTestStore, storeKinds } from '../support/test-stores.js';

const DAY = 86_400_000;

async function countAll(store: Store) {
  const n = async (q: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: string | number }>(store.db, q))[0]!.n);
  return {
    operations: await n(sql`SELECT count(*) AS n FROM operations`),
    inbox: await n(sql`SELECT count(*) AS n FROM inbox`),
    recordErrors: await n(sql`SELECT count(*) AS n FROM record_errors`),
  };
}

describe.each(storeKinds)('pruning history on %s', (kind) => {
  let store: Store;
  let connectionId: string;
  beforeEach(async () => {
    store = await openTestStore(kind);
    await upsertOrg(store.db, orgFixture('uk-prune') as never);
    const conn = await createConnection(store.db, SecretBox.fromString(TEST_SECRET), 'uk-prune', {
      platform: 'testbed',
      name: 'tb',
    });
    connectionId = conn.id;
    await plantHistory(store.db, 'uk-prune', connectionId);
  });
  afterEach(async () => store?.close());

  it('counts in a dry run, then removes exactly the old finished history', async () => {
    const before = new Date(Date.now() - 90 * DAY);
    const all = await countAll(store);
    const dry = await pruneHistory(store.db, before, { dryRun: true });
    expect(dry).toEqual(PLANTED.old);
    expect(await countAll(store)).toEqual(all);

    const done = await pruneHistory(store.db, before);
    expect(done).toEqual(PLANTED.old);
    expect(await countAll(store)).toEqual({
      operations: PLANTED.kept.operations,
      inbox: PLANTED.kept.inbox,
      recordErrors: PLANTED.kept.recordErrors,
    });
    // What stays: the run still going, unacknowledged and recent items, open and recent errors.
    const running = await queryRows<{ n: string | number }>(
      store.db,
      sql`SELECT count(*) AS n FROM operations WHERE state = 'running'`,
    );
    expect(Number(running[0]!.n)).toBe(1);
    const open = await queryRows<{ key: string }>(
      store.db,
      sql`SELECT key FROM record_errors WHERE state = 'open'`,
    );
    expect(open.map((r) => r.key)).toEqual(['c']);
    // The connection's run counts and last success are not history: they stay.
    const [health] = await listConnectionHealth(store.db, connectionId);
    expect(health?.runs).toEqual({ succeeded: 2, failed: 1 });
    expect(health?.lastSuccessAt).toBeInstanceOf(Date);

    expect(await pruneHistory(store.db, before)).toEqual({
      runs: 0,
      operations: 0,
      inbox: 0,
      recordErrors: 0,
    });
  });

  it('keeps everything younger than the period', async () => {
    expect(await pruneHistory(store.db, new Date(Date.now() - 120 * DAY))).toEqual({
      runs: 0,
      operations: 0,
      inbox: 0,
      recordErrors: 0,
    });
  });
});
