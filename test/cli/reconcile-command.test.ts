import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliStore } from '../../src/cli/with-store.js';
import { SeedIds } from '../../src/platforms/doma/sandbox/seed-objects.js';
import { type DomaSandbox, startDomaSandbox } from '../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { createConnection } from '../../src/store/connection-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { type DomaFixture, putFlats, putRecords, receiptInput } from '../platforms/doma/e2e/doma-fixture.js';
import { FAST_RETRY } from '../support/engine-fixture.js';
import { CLI_BUILT, runCli } from '../support/run-cli.js';
import { orgFixture } from '../support/test-hub.js';

const ORG = 'uk-cli-rec';

/** Changes the platform's side through the sandbox's admin routes. */
async function admin(sandbox: DomaSandbox, path: string, body: unknown) {
  const res = await fetch(`${sandbox.url}/_sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
}

// Every command starts a process that opens the embedded store: minutes on a busy machine.
describe.runIf(CLI_BUILT)(
  'reconcile command of the built CLI on the embedded store',
  { timeout: 240_000 },
  () => {
    let sandbox: DomaSandbox;
    let dataDir: string;
    let accounts: string[];
    const run = (...args: string[]) => runCli([...args, '--data-dir', dataDir]);

    beforeAll(async () => {
      sandbox = await startDomaSandbox();
      dataDir = join(mkdtempSync(join(tmpdir(), 'zb-reconcile-')), 'data');
      const { store, box } = await openCliStore({ dataDir });
      try {
        await upsertOrg(store.db, orgFixture(ORG) as never);
        await createConnection(store.db, box, ORG, {
          platform: 'doma',
          name: 'doma',
          credentials: { email: sandbox.email, password: sandbox.password },
          settings: {
            baseUrl: sandbox.url,
            billingContextId: SeedIds.context,
            organizationId: SeedIds.context,
            sync: { retry: FAST_RETRY },
          },
        });
        // Settings the connector refuses: its reconciliation fails, the others' are still reported.
        await createConnection(store.db, box, ORG, {
          platform: 'doma',
          name: 'broken',
          credentials: { email: sandbox.email, password: sandbox.password },
          settings: { baseUrl: sandbox.url },
          enabled: false,
        });
        const f = { store, org: ORG } as DomaFixture;
        accounts = await putFlats(f, 3);
        await putRecords(
          f,
          'receipt',
          accounts.map((a) => receiptInput(a)),
        );
      } finally {
        await store.close();
      }
    });
    afterAll(async () => sandbox?.close());

    it('reports a receipt changed on the platform in a table and as JSON, and --fix repairs it', async () => {
      const synced = await run('sync', '--org', ORG, '--kind', 'receipt');
      expect(synced.status, synced.stderr).toBe(0);
      const changed = `${accounts[0]}/2024-01/housing`;
      await admin(sandbox, 'receipts/change', { importId: changed, toPay: '300.00' });

      const table = await run('reconcile', '--org', ORG);
      expect(table.status, table.stderr).toBe(1);
      expect(table.stderr).toMatch(/^broken: connection_invalid: settings of broken: billingContextId/m);
      expect(table.stdout).toMatch(/^receipt\s+3\s+3\s+0\s+0\s+0\s+3\s+0\s+0\s+1$/m);
      expect(table.stdout).toContain(`amount differs  ${changed}`);
      expect(table.stdout).toMatch(/303\.30\s+300\.00$/m);
      expect(table.stdout.trimEnd().endsWith('NOT clean')).toBe(true);

      const json = await run('reconcile', '--org', ORG, '--connection', 'doma', '--json');
      expect(json.status, json.stderr).toBe(2);
      const report = JSON.parse(json.stdout);
      expect(report.remote.find((r: { kind: string }) => r.kind === 'receipt').differences).toEqual([
        expect.objectContaining({ problem: 'amount_differs', key: changed, ours: 30330, platform: 30000 }),
      ]);

      const fixed = await run('reconcile', '--org', ORG, '--connection', 'doma', '--fix');
      expect(fixed.status, fixed.stderr + fixed.stdout).toBe(0);
      expect(fixed.stdout).toContain('sent again: receipt 1');
      expect(fixed.stdout).toMatch(/succeeded — sent 1,/);
      expect(fixed.stdout.trimEnd().endsWith('clean')).toBe(true);
      expect(sandbox.receipts().find((r) => r.importId === changed)?.toPay).toBe('303.30000000');
    });
  },
);
