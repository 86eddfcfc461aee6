import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliStore } from '../../src/cli/with-store.js';
import { appendInbox } from '../../src/store/inbox-store.js';
import type { Db } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { CLI_BUILT, runCli } from '../support/run-cli.js';
import { orgFixture, startTestHub, type TestHub } from '../support/test-hub.js';

async function seed(db: Db): Promise<void> {
  await upsertOrg(db, orgFixture('uk-cli') as never);
}

const normalize = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/whsec_[\w-]+/g, '<secret>')
    .replace(/oldest event \d+/g, 'oldest event <n>');

// Each command is a process; on the store each opens PGlite: minutes on a busy machine.
describe.runIf(CLI_BUILT)('webhooks command, on the store and through a hub', { timeout: 600_000 }, () => {
  let hub: TestHub;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'zb-hooks-')), 'data');
    const { store } = await openCliStore({ dataDir });
    try {
      await seed(store.db);
    } finally {
      await store.close();
    }
    hub = await startTestHub('pglite', { engine: { workers: 0 } });
    await seed(hub.store.db);
  });
  afterAll(async () => {
    await hub?.close();
  });

  async function scenario(where: string[], afterCreate: () => Promise<void>) {
    const org = ['--org', 'uk-cli', ...where];
    const out: Record<string, { status: number | null; stdout: string; stderr: string }> = {};
    out.create = await runCli([
      'webhooks',
      'create',
      '--name',
      'billing',
      '--endpoint',
      'http://billing.invalid/zhkh',
      '--events',
      'inbox.reading,run.failed',
      ...org,
    ]);
    await afterCreate();
    const steps: Array<[string, string[]]> = [
      ['edit', ['webhooks', 'edit', 'billing', '--batch-size', '5', ...org]],
      ['disable', ['webhooks', 'disable', 'billing', ...org]],
      ['enable', ['webhooks', 'enable', 'billing', ...org]],
      ['list', ['webhooks', 'list', ...org]],
      ['replay', ['webhooks', 'replay', 'billing', '--from', '1', '--json', ...org]],
      ['show', ['webhooks', 'show', 'billing', ...org]],
      ['bad', ['webhooks', 'create', '--endpoint', 'http://x.invalid', '--events', 'inbox.nope', ...org]],
      ['delete', ['webhooks', 'delete', 'billing', ...org]],
      ['empty', ['webhooks', 'list', ...org]],
    ];
    for (const [name, args] of steps) out[name] = await runCli(args);
    return out;
  }

  it('do the same on both, with the same output', async () => {
    // Two readings reach the inbox after the endpoint exists: queued for it.
    const readings = [1, 2].map((i) => ({
      connectionId: 'c',
      platform: 'doma',
      kind: 'reading',
      sourceId: `r${i}`,
      payload: {},
    }));
    const onStore = await scenario(['--data-dir', dataDir], async () => {
      const { store } = await openCliStore({ dataDir });
      await appendInbox(store.db, 'uk-cli', readings).finally(() => store.close());
    });
    const throughHub = await scenario(['--url', hub.url, '--token', hub.adminToken], async () => {
      await appendInbox(hub.store.db, 'uk-cli', readings);
    });
    for (const [name, r] of Object.entries(onStore)) {
      const expected = name === 'bad' ? 1 : 0;
      expect(r.status, `${name}: ${r.stderr}`).toBe(expected);
      expect(throughHub[name]!.status, `${name} through the hub: ${throughHub[name]!.stderr}`).toBe(expected);
      expect(normalize(throughHub[name]!.stdout), name).toBe(normalize(r.stdout));
    }
    const o = onStore;
    expect(o.create!.stdout).toMatch(/^created webhook billing\n/);
    expect(o.create!.stdout).toMatch(/secret: +whsec_[\w-]{32}/);
    expect(o.create!.stdout).toContain('events:     inbox.reading, run.failed');
    expect(o.edit!.stdout).toContain('batch size: 5');
    expect(o.disable!.stdout).toMatch(/^disabled webhook billing\nbilling \(id [0-9a-f-]{36}\) — disabled/);
    expect(o.list!.stdout).toMatch(
      /^billing\s+yes\s+2\s+http:\/\/billing\.invalid\/zhkh\s+inbox\.reading,run\.failed$/m,
    );
    // Both events are queued already: a replay from the start adds nothing.
    expect(JSON.parse(o.replay!.stdout).queued).toBe(0);
    expect(o.show!.stdout).toMatch(/queued: +2 \(oldest event \d+\)/);
    expect(o.show!.stdout).not.toContain('whsec_');
    expect(o.bad!.stderr).toContain('inbox.nope');
    expect(o.delete!.stdout).toBe('deleted webhook billing\n');
    expect(o.empty!.stdout).toMatch(/^no webhooks yet/);
  });
});
