import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlatformDemos } from '../../src/cli/commands/run-platform-demos.js';
import { httpSink } from '../../src/cli/import/http-sink.js';
import { DEFAULT_DEMO_ORG_ID, DEFAULT_DEMO_SEED, demoOrganization } from '../../src/demo/generate-demo.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { Organization } from '../../src/domain/model/organization.js';
import { CHANGE_WINDOW_MS } from '../../src/hub/change-sync.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import { startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

/** A few thousand accounts: hundreds of houses' worth of meters, readings and receipts. */
const ACCOUNTS = 2500;

describe.each(storeKinds)('the demo at %s scale', { timeout: 900_000 }, (kind) => {
  let hub: TestHub | undefined;
  afterAll(async () => hub?.close());

  it(`loads ${ACCOUNTS} accounts and syncs every platform's part without one refused record`, async () => {
    hub = await startTestHub(kind, { engine: { workers: 2 } });
    const org = Organization.parse(demoOrganization({ orgId: DEFAULT_DEMO_ORG_ID, seed: DEFAULT_DEMO_SEED }));
    await upsertOrg(hub.store.db, org);
    const token = await hub.tokenFor(org.id);
    const totals = await loadDemo(httpSink({ url: hub.url, token, org: org.id }), {
      accounts: ACCOUNTS,
      seed: DEFAULT_DEMO_SEED,
      orgId: org.id,
    });
    const rejected = [...totals.values()].reduce((n, t) => n + t.rejected, 0);
    expect(rejected).toBe(0);

    const lines: string[] = [];
    const stop = await runPlatformDemos({
      hubUrl: hub.url,
      token,
      orgId: org.id,
      db: hub.store.db,
      log: (line) => lines.push(line),
    });
    // is74 syncs on change: a billing write of its part may still have a run queued, or not yet
    // queued — the run is triggered CHANGE_WINDOW_MS after the write. So wait until no run has been
    // queued or running for longer than that window (stopping earlier left a run queued for ever).
    let idleSince = Date.now();
    for (let t = 0; t < 600 && Date.now() - idleSince <= CHANGE_WINDOW_MS + 500; t++) {
      const busy = await queryRows<{ n: string | number }>(
        hub.store.db,
        sql`SELECT count(*) AS n FROM operations
            WHERE org_id = ${org.id} AND type = 'run' AND state IN ('queued', 'running')`,
      );
      if (Number(busy[0]!.n) > 0) idleSince = Date.now();
      await sleep(200);
    }

    await stop();

    const errors = await queryRows<{ connection: string; code: string; n: string | number }>(
      hub.store.db,
      sql`SELECT c.name AS connection, e.code, count(*) AS n FROM record_errors e
          JOIN connections c ON c.id = e.connection_id
          WHERE e.org_id = ${org.id} GROUP BY c.name, e.code`,
    );
    expect(errors, lines.join('\n')).toEqual([]);
    const runs = await queryRows<{
      id: string;
      platform: string;
      state: string;
      trigger: string;
      last_error: string | null;
    }>(
      hub.store.db,
      sql`SELECT id, platform, state, trigger, last_error FROM operations
          WHERE org_id = ${org.id} AND type = 'run' ORDER BY id`,
    );
    // Every platform's part ran, and every run of it succeeded.
    expect([...new Set(runs.map((r) => r.platform))].sort()).toEqual(['doma', 'domcontrol', 'is74', 'uzhkh']);
    expect(
      runs.filter((r) => r.state !== 'succeeded'),
      lines.join('\n'),
    ).toEqual([]);
    // Doma.ai took every generated meter: no METER_NUMBER_TAKEN.
    expect(lines.join('\n')).toMatch(/outbound: succeeded: .*failed 0/);
  });
});
