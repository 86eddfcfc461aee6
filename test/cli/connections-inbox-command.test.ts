import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliStore } from '../../src/cli/with-store.js';
import { startTestbed, type Testbed } from '../../src/platforms/testbed/sandbox/start-testbed.js';
import { appendInbox } from '../../src/store/inbox-store.js';
import type { Db } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { CLI_BUILT, runCli } from '../support/run-cli.js';
import { orgFixture, startTestHub, type TestHub } from '../support/test-hub.js';

const built = CLI_BUILT;

const run = (args: string[]) => runCli(args);

/** A message longer than any table cell, to see it whole. */
const LONG = `показание отклонено: ${'слишком большой расход за период; '.repeat(6)}конец`;

async function seed(db: Db): Promise<void> {
  await upsertOrg(db, orgFixture('uk-cli') as never);
  await appendInbox(db, 'uk-cli', [
    {
      connectionId: 'c-doma',
      platform: 'doma',
      kind: 'payment',
      sourceId: 'p-1',
      payload: { amount: '10.00' },
    },
    { connectionId: 'c-doma', platform: 'doma', kind: 'reading', sourceId: 'r-1', payload: { note: LONG } },
    {
      connectionId: 'c-uzhkh',
      platform: 'uzhkh',
      kind: 'payment',
      sourceId: 'p-2',
      payload: { amount: '20.00' },
    },
    {
      connectionId: 'c-doma',
      platform: 'doma',
      kind: 'payment',
      sourceId: 'p-3',
      payload: { amount: '30.00' },
    },
  ]);
}

/** Ids and times differ between two stores; everything else must not. */
const normalize = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+Z)?/g, '<time>')
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, '<url>');

// Each command is a process; on the store each opens PGlite: minutes on a busy machine.
describe.runIf(built)(
  'connections and inbox commands, on the store and through a hub',
  { timeout: 600_000 },
  () => {
    let testbed: Testbed;
    let hub: TestHub;
    let dataDir: string;
    let dir: string;

    beforeAll(async () => {
      testbed = await startTestbed();
      dir = mkdtempSync(join(tmpdir(), 'zb-conn-'));
      dataDir = join(dir, 'data');
      const { store } = await openCliStore({ dataDir });
      try {
        await seed(store.db);
      } finally {
        await store.close();
      }
      hub = await startTestHub('pglite', { engine: { workers: 0 } });
      await seed(hub.store.db);
      writeFileSync(
        join(dir, 'creds.json'),
        JSON.stringify({ credentials: { user: testbed.user, password: testbed.password } }),
      );
      writeFileSync(join(dir, 'patch.json'), JSON.stringify({ settings: { batchSize: 10 } }));
    });
    afterAll(async () => {
      await hub?.close();
      await testbed?.close();
    });

    /** The same commands, in order, where `where` says: the store's flags or the hub's. */
    async function scenario(where: string[]) {
      const org = ['--org', 'uk-cli', ...where];
      const steps: Array<[string, string[]]> = [
        [
          'create',
          [
            'connections',
            'create',
            '--platform',
            'testbed',
            '--name',
            'tb',
            '--set',
            `settings.baseUrl=${testbed.url}`,
            '--set',
            'settings.sync.schedule=*/15 * * * *',
            '--file',
            join(dir, 'creds.json'),
            ...org,
          ],
        ],
        [
          'edit',
          [
            'connections',
            'edit',
            'tb',
            '--set',
            'settings.sync.schedule=0 3 * * *',
            '--file',
            join(dir, 'patch.json'),
            ...org,
          ],
        ],
        ['unset', ['connections', 'edit', 'tb', '--unset', 'settings.batchSize', '--json', ...org]],
        ['disable', ['connections', 'disable', 'tb', ...org]],
        ['list', ['connections', 'list', ...org]],
        ['enable', ['connections', 'enable', 'tb', ...org]],
        ['check', ['connections', 'check', 'tb', ...org]],
        ['inbox', ['inbox', 'list', '--kind', 'payment', '--platform', 'doma', ...org]],
        ['inbox-json', ['inbox', 'list', '--limit', '2', '--json', ...org]],
        ['show', ['inbox', 'show', '2', ...org]],
        ['ack', ['inbox', 'ack', '2', ...org]],
        ['after-ack', ['inbox', 'list', ...org]],
      ];
      const out: Record<string, { status: number | null; stdout: string; stderr: string }> = {};
      for (const [name, args] of steps) out[name] = await run(args);
      return out;
    }

    it('do the same on both, with the same output', async () => {
      const onStore = await scenario(['--data-dir', dataDir]);
      const throughHub = await scenario(['--url', hub.url, '--token', hub.adminToken]);
      for (const [name, r] of Object.entries(onStore)) {
        expect(r.status, `${name}: ${r.stderr}`).toBe(0);
        expect(throughHub[name]!.status, `${name} through the hub: ${throughHub[name]!.stderr}`).toBe(0);
        expect(normalize(throughHub[name]!.stdout), name).toBe(normalize(r.stdout));
      }

      const o = onStore;
      expect(o.create!.stdout).toMatch(/^created testbed\/tb \(id [0-9a-f-]{36}\)/);
      expect(o.create!.stdout).toContain('credentials  password, user (values are never shown)');
      expect(o.edit!.stdout).toMatch(/^testbed\/tb: changed settings\.batchSize, settings\.sync\.schedule$/m);
      const unset = JSON.parse(o.unset!.stdout);
      expect(unset.changed).toEqual(['settings.batchSize']);
      expect(unset.settings).toEqual({ baseUrl: testbed.url, sync: { schedule: '0 3 * * *' } });
      expect(o.disable!.stdout).toBe('testbed/tb: disabled\n');
      expect(o.list!.stdout).toMatch(
        /^tb\s+testbed\s+no\s+0 3 \* \* \*\s+http:\/\/127\.0\.0\.1:\d+\s+password, user\s+[0-9a-f-]{36}$/m,
      );
      expect(o.enable!.stdout).toBe('testbed/tb: enabled\n');
      expect(o.check!.stdout).toMatch(/^ok: testbed\/tb/);
      for (const r of Object.values(o)) expect(r.stdout + r.stderr).not.toContain(testbed.password);

      expect(o.inbox!.stdout).toMatch(
        /^cursor\s+received \(UTC\)\s+platform\s+connection\s+kind\s+source id\s+payload$/m,
      );
      expect(o.inbox!.stdout.match(/\sdoma\s+c-doma\s+payment\s+p-\d/g)).toHaveLength(2);
      expect(o.inbox!.stdout).not.toContain('p-2');
      const page = JSON.parse(o['inbox-json']!.stdout);
      expect(page.items.map((i: { sourceId: string }) => i.sourceId)).toEqual(['p-1', 'r-1']);
      expect(page.items[1].payload.note).toBe(LONG);
      expect(page.next).toBe(2);
      expect(o.show!.stdout).toContain('source id   r-1');
      expect(o.show!.stdout).toContain(LONG);
      expect(o.ack!.stdout).toBe('acknowledged through 2\n');
      expect(o['after-ack']!.stdout).not.toMatch(/\sp-1\s|\sr-1\s/);
      expect(o['after-ack']!.stdout).toMatch(/\sp-2\s/);
    });

    it('refuses a bad edit with the field named, and names what does not exist', async () => {
      const org = ['--org', 'uk-cli', '--url', hub.url, '--token', hub.adminToken];
      const bad = await run(['connections', 'edit', 'tb', '--set', 'settings.batchSize=0', ...org]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('settings.batchSize');
      const ghost = await run(['connections', 'show', 'ghost', ...org]);
      expect(ghost.status).toBe(1);
      expect(ghost.stderr).toContain('connection ghost does not exist');
      const cursor = await run(['inbox', 'show', 'x', ...org]);
      expect(cursor.status).toBe(1);
      expect(cursor.stderr).toContain('"x" is not a cursor');
    });

    it('documents every subcommand with --help', async () => {
      const commands = [
        'connections',
        'connections list',
        'connections show',
        'connections create',
        'connections edit',
        'connections enable',
        'connections disable',
        'connections check',
        'inbox',
        'inbox list',
        'inbox show',
        'inbox ack',
        'orgs show',
      ];
      const helps = await Promise.all(commands.map((c) => run([...c.split(' '), '--help'])));
      commands.forEach((c, i) => {
        expect(helps[i]!.status, c).toBe(0);
        expect(helps[i]!.stdout, c).toMatch(/Usage: zhkh-bridge /);
        expect(helps[i]!.stdout.length, c).toBeGreaterThan(300);
      });
      expect(helps[4]!.stdout).toContain('JSON merge patch (RFC 7396)');
    });
  },
);
