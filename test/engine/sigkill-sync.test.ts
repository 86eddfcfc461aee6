import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestbed, type Testbed } from '../../src/platforms/testbed/sandbox/start-testbed.js';
import { createConnection } from '../../src/store/connection-store.js';
import { readInbox } from '../../src/store/inbox-store.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { listOperations } from '../../src/store/operation-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { listRecords } from '../../src/store/record-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { ORG, putServices, removeServices, serviceRecords } from '../support/engine-fixture.js';
import { orgFixture, TEST_SECRET } from '../support/test-hub.js';
import { openTestStore, storeKinds } from '../support/test-stores.js';

const BIN = join(import.meta.dirname, '../../bin/zhkh-bridge.js');

/**
 * Where the child's store is: a PGlite data directory (opened by one process at a time, so the
 * test opens it only between runs of the child) or a PostgreSQL database.
 */
interface Place {
  args: string[];
  env: Record<string, string>;
  withStore<T>(fn: (s: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function placeFor(kind: 'pglite' | 'postgres'): Promise<Place> {
  if (kind === 'pglite') {
    const home = mkdtempSync(join(tmpdir(), 'zb-kill-'));
    const dataDir = join(home, 'data');
    return {
      args: ['--data-dir', dataDir],
      env: {},
      async withStore(fn) {
        const s = await openStore({ driver: 'pglite', dataDir });
        try {
          return await fn(s);
        } finally {
          await s.close();
        }
      },
      async close() {
        rmSync(home, { recursive: true, force: true });
      },
    };
  }
  const store = await openTestStore('postgres');
  if (store.raw.driver !== 'postgres') throw new Error('expected PostgreSQL');
  return {
    args: [],
    env: { DATABASE_URL: store.raw.url },
    withStore: (fn) => fn(store),
    close: () => store.close(),
  };
}

function startSync(place: Place): ChildProcess {
  const { DATABASE_URL: _, ...env } = process.env;
  return spawn(process.execPath, [BIN, 'sync', '--org', ORG, ...place.args], {
    env: { ...env, ...place.env, ZHKH_SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe.each(storeKinds)('a sync killed with SIGKILL at random moments on %s', (kind) => {
  let testbed: Testbed | undefined;
  let place: Place | undefined;
  afterAll(async () => {
    await testbed?.close();
    await place?.close();
  });

  it('ends with the platform holding the canonical state once, and nothing lost inbound', async () => {
    testbed = await startTestbed({ latencyMs: 120, seed: 11 });
    place = await placeFor(kind);
    const tb = testbed;
    const inboundIds = tb.addInbound(
      Array.from({ length: 1500 }, (_, i) => ({ kind: 'reading', payload: { i } })),
    );
    await place.withStore(async (s) => {
      await upsertOrg(s.db, orgFixture(ORG) as never);
      await createConnection(s.db, SecretBox.fromString(TEST_SECRET), ORG, {
        platform: 'testbed',
        name: 'testbed',
        credentials: { user: tb.user, password: tb.password },
        settings: { baseUrl: tb.url },
      });
      await putServices(s, serviceRecords(8000));
    });

    const moments: number[] = [];
    let interrupted = 0;
    for (let k = 0; k < 5; k++) {
      const child = startSync(place);
      const exited = once(child, 'exit');
      // A random moment once the child is at work (its first call to the platform), so a slow
      // start on a loaded machine does not make every kill land before anything happened.
      const before = tb.stats.requests;
      for (let t = 0; t < 600 && tb.stats.requests === before && child.exitCode === null; t++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const moment = Math.floor(Math.random() * 2500);
      moments.push(moment);
      await new Promise((r) => setTimeout(r, moment));
      child.kill('SIGKILL');
      await exited;
      if (tb.inboundQueue().length > 0 || tb.items('service').size < 8000) interrupted++;
      // The billing goes on changing data between the crashes; residents go on submitting.
      await place.withStore(async (s) => {
        await putServices(s, serviceRecords(300, k + 2, k * 1000));
        await removeServices(s, [`s00${7000 + k}`]);
      });
      inboundIds.push(...tb.addInbound([{ kind: 'payment', payload: { k } }]));
    }

    // The kills must have hit work in progress, or this test proves nothing.
    expect(interrupted, `moments ${moments.join(',')} ms`).toBeGreaterThan(0);
    expect(tb.stats.writeRequests).toBeGreaterThan(0);

    const last = startSync(place);
    let output = '';
    last.stdout?.on('data', (d) => {
      output += d;
    });
    last.stderr?.on('data', (d) => {
      output += d;
    });
    const [code] = await once(last, 'exit');
    expect(code, `moments ${moments.join(',')} ms; last run said:\n${output}`).toBe(0);

    await place.withStore(async (s) => {
      const canonical = await listRecords(s.db, ORG, 'service', { limit: 100_000, includeDeleted: true });
      const items = tb.items('service');
      expect(new Set([...items.values()].map((i) => i.id)).size).toBe(items.size); // no duplicates
      for (const r of canonical) {
        const item = items.get(r.key);
        if (r.deletedAt) {
          if (item) expect(item.deleted, r.key).toBe(true);
        } else {
          expect(item?.deleted, r.key).toBe(false);
          expect(item?.payload, r.key).toEqual(r.data);
        }
      }
      expect(items.size).toBeLessThanOrEqual(canonical.length);

      const landed: string[] = [];
      for (let after = 0; ; ) {
        const { items: page } = await readInbox(s.db, ORG, { after, limit: 1000 });
        if (page.length === 0) break;
        landed.push(...page.map((p) => p.sourceId));
        after = page[page.length - 1]!.cursor;
      }
      expect(landed.length).toBe(inboundIds.length);
      expect(new Set(landed)).toEqual(new Set(inboundIds));
      expect(tb.inboundQueue()).toHaveLength(0);
      expect(
        await listOperations(s.db, { orgId: ORG, type: 'run', state: 'running', limit: 10 }),
      ).toHaveLength(0);
    });
  }, 240_000);
});
