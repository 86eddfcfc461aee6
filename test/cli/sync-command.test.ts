import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliStore } from '../../src/cli/with-store.js';
import { entityKinds } from '../../src/domain/entity-kinds.js';
import { startTestbed, type Testbed } from '../../src/platforms/testbed/sandbox/start-testbed.js';
import { createConnection } from '../../src/store/connection-store.js';
import { ingestRecords } from '../../src/store/ingest-records.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { cliBuilt, runCli } from '../support/run-cli.js';
import { call, orgFixture, startTestHub, type TestHub } from '../support/test-hub.js';

const built = cliBuilt;

const services = [
  { id: 'heat', name: 'Отопление', measure: 'Гкал' },
  { id: 'cold-water', name: 'Холодное водоснабжение', measure: 'м³' },
  { id: 'upkeep', name: 'Содержание жилого помещения', measure: 'м²' },
];

const run = (args: string[]) => runCli(args);

// Every command starts a process that opens the embedded store: minutes on a busy machine.
describe.runIf(built)('sync commands of the built CLI on the embedded store', { timeout: 240_000 }, () => {
  let testbed: Testbed;
  let dataDir: string;

  beforeAll(async () => {
    testbed = await startTestbed();
    dataDir = join(mkdtempSync(join(tmpdir(), 'zb-sync-')), 'data');
    // The store is prepared the way the CLI opens it (same data dir, same generated secret key).
    const { store, box } = await openCliStore({ dataDir });
    try {
      await upsertOrg(store.db, orgFixture('uk-cli') as never);
      const settings = { baseUrl: testbed.url };
      await createConnection(store.db, box, 'uk-cli', {
        platform: 'testbed',
        name: 'tb',
        settings,
        credentials: { user: testbed.user, password: testbed.password },
      });
      await createConnection(store.db, box, 'uk-cli', {
        platform: 'testbed',
        name: 'tb-wrong',
        settings,
        credentials: { user: testbed.user, password: 'wrong-password' },
        enabled: false,
      });
      const ingested = await ingestRecords(store.db, 'uk-cli', entityKinds.service, services);
      expect(ingested.created).toBe(3);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => testbed?.close());

  it('syncs inline with a summary line, and a second sync sends nothing', async () => {
    const first = await run(['sync', '--org', 'uk-cli', '--data-dir', dataDir]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^run \d+ testbed\/tb: succeeded — sent 3, unchanged 0, failed 0, received 0, acknowledged 0$/m,
    );
    expect([...testbed.items('service').keys()].sort()).toEqual(['cold-water', 'heat', 'upkeep']);
    const writes = testbed.stats.writeRequests;

    const second = await run(['sync', '--org', 'uk-cli', '--kind', 'services', '--data-dir', dataDir]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/succeeded — sent 0, unchanged 3, failed 0/);
    expect(testbed.stats.writeRequests).toBe(writes);

    const runs = await run(['runs', 'list', '--org', 'uk-cli', '--data-dir', dataDir]);
    expect(runs.status, runs.stderr).toBe(0);
    expect(runs.stdout).toMatch(/^id\s+created \(UTC\)\s+state\s+connection/);
    expect(runs.stdout.match(/succeeded\s+tb\s+cli/g)).toHaveLength(2);
    const id = /^\s*(\d+)\s/m.exec(runs.stdout.split('\n')[1]!)![1]!;
    const show = await run(['runs', 'show', id, '--org', 'uk-cli', '--data-dir', dataDir]);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain(`run ${id} testbed/tb: succeeded`);
    const cancel = await run(['runs', 'cancel', id, '--org', 'uk-cli', '--data-dir', dataDir]);
    expect(cancel.status).toBe(1);
    expect(cancel.stderr).toContain('has already finished (succeeded)');
  });

  it('checks a connection and exits 1 when the platform refuses it', async () => {
    const ok = await run(['check', '--org', 'uk-cli', '--connection', 'tb', '--data-dir', dataDir]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok: testbed\/tb/);
    const bad = await run(['check', '--org', 'uk-cli', '--connection', 'tb-wrong', '--data-dir', dataDir]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^not ok: testbed\/tb-wrong — auth_rejected: /);
    expect(bad.stdout + bad.stderr).not.toContain('wrong-password');
  });

  it('resends and retries through the store, and lists record errors', async () => {
    const all = await run(['resend-all', '--org', 'uk-cli', '--connection', 'tb', '--data-dir', dataDir]);
    expect(all.status, all.stderr).toBe(0);
    expect(all.stderr).toContain('3 record(s) will be sent again');
    expect(all.stdout).toMatch(/succeeded — sent 3, unchanged 0/);
    const retry = await run([
      'errors',
      'retry',
      '--org',
      'uk-cli',
      '--connection',
      'tb',
      '--data-dir',
      dataDir,
    ]);
    expect(retry.status, retry.stderr).toBe(0);
    expect(retry.stderr).toContain('no record has an open error: nothing to send again');
    const errors = await run(['errors', 'list', '--org', 'uk-cli', '--data-dir', dataDir]);
    expect(errors.status, errors.stderr).toBe(0);
    expect(errors.stdout).toContain('no open record errors');
  });

  it('exits 1 naming what matched nothing', async () => {
    const ghost = await run(['sync', '--org', 'uk-cli', '--connection', 'ghost', '--data-dir', dataDir]);
    expect(ghost.status).toBe(1);
    expect(ghost.stderr).toContain('has no enabled connection matching connection "ghost"');
    const org = await run(['sync', '--org', 'nobody', '--data-dir', dataDir]);
    expect(org.status).toBe(1);
    expect(org.stderr).toContain('organization "nobody" does not exist');
  });

  it('worker refuses the embedded store and says serve runs the workers', async () => {
    const worker = await run(['worker', '--data-dir', dataDir]);
    expect(worker.status).toBe(1);
    expect(worker.stderr).toContain('worker needs PostgreSQL');
    expect(worker.stderr).toContain('`serve` already runs the sync workers');
  });

  it('documents every sync command with --help', async () => {
    const commands = [
      'sync',
      'check',
      'runs list',
      'runs show',
      'runs cancel',
      'errors list',
      'errors retry',
    ];
    commands.push('resend-all', 'worker', 'serve');
    // In parallel: each start of the CLI loads the whole program.
    const helps = await Promise.all(commands.map((c) => run([...c.split(' '), '--help'])));
    commands.forEach((c, i) => {
      const help = helps[i]!;
      expect(help.status, c).toBe(0);
      expect(help.stdout, c).toMatch(/Usage: zhkh-bridge /);
      expect(help.stdout, c).toMatch(/Examples?:\n/);
    });
  });
});

describe.runIf(built)('sync commands of the built CLI through a running hub', { timeout: 240_000 }, () => {
  let testbed: Testbed;
  let hub: TestHub;

  beforeAll(async () => {
    testbed = await startTestbed();
    hub = await startTestHub('pglite', { orgs: ['uk-api'], engine: true });
    const created = await call(hub, 'POST', '/v1/orgs/uk-api/connections', {
      json: {
        platform: 'testbed',
        name: 'tb',
        settings: { baseUrl: testbed.url },
        credentials: { user: testbed.user, password: testbed.password },
      },
    });
    expect(created.status, created.text).toBe(200);
    expect((await call(hub, 'POST', '/v1/orgs/uk-api/services', { json: services })).body.created).toBe(3);
  });
  afterAll(async () => {
    await hub?.close();
    await testbed?.close();
  });

  it('starts runs on the hub and follows them to the end', async () => {
    const remote = ['--org', 'uk-api', '--url', hub.url, '--token', hub.adminToken];
    const sync = await run(['sync', ...remote]);
    expect(sync.status, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/^run \d+ testbed\/tb: succeeded — sent 3, unchanged 0, failed 0/m);
    expect(testbed.items('service').size).toBe(3);
    const runId = /^run (\d+)/.exec(sync.stdout)![1]!;

    const again = await run(['resend-all', '--connection', 'tb', '--kind', 'services', ...remote]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/succeeded — sent 3, unchanged 0/);

    const list = await run(['runs', 'list', ...remote]);
    expect(list.stdout.match(/succeeded\s+tb\s+/g)).toHaveLength(2);
    const cancel = await run(['runs', 'cancel', runId, ...remote]);
    expect(cancel.status).toBe(1);
    expect(cancel.stderr).toContain(`run ${runId} has already finished (succeeded)`);
    const check = await run(['check', '--connection', 'tb', ...remote]);
    expect(check.status, check.stderr).toBe(0);
    const errors = await run(['errors', 'list', ...remote]);
    expect(errors.stdout).toContain('no open record errors');
    const none = await run(['sync', '--platform', 'vk', ...remote]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no_connection');
    const badToken = await run(['sync', '--org', 'uk-api', '--url', hub.url, '--token', 'nope']);
    expect(badToken.status).toBe(1);
    expect(badToken.stderr).toContain('the hub refused the token');
  });
});
