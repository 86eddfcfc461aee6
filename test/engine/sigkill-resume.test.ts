import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromPglite, PgBoss } from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNC_QUEUE } from '../../src/engine/jobs/sync-jobs.js';
import { startTestbed, type Testbed } from '../../src/platforms/testbed/sandbox/start-testbed.js';
import { createConnection } from '../../src/store/connection-store.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { getOperation } from '../../src/store/operation-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { ORG, putServices, serviceRecords } from '../support/engine-fixture.js';
import { orgFixture, TEST_SECRET } from '../support/test-hub.js';

const BIN = join(import.meta.dirname, '../../bin/zhkh-bridge.js');
const built = existsSync(join(import.meta.dirname, '../../dist/cli/main.js'));
const ADMIN = 'zb_sigkill_resume_admin_token_000000000001';

/** `serve` on the embedded store in a child process; resolves with its URL once it listens. */
async function serve(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const { DATABASE_URL: _, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--data-dir', dataDir, '--workers', '1'],
    {
      env: { ...env, ZHKH_SECRET_KEY: TEST_SECRET, ZHKH_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
  return { child, url, output: () => out };
}

async function withStore<T>(dataDir: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore({ driver: 'pglite', dataDir });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(built)('an embedded hub killed with SIGKILL during a run', () => {
  let testbed: Testbed | undefined;
  let running: ChildProcess | undefined;
  const home = mkdtempSync(join(tmpdir(), 'zb-resume-'));
  afterAll(async () => {
    running?.kill('SIGKILL');
    await testbed?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('resumes the interrupted run right after the restart: the dead process’s job is released', async () => {
    testbed = await startTestbed({ latencyMs: 100, seed: 5 });
    const tb = testbed;
    const dataDir = join(home, 'data');
    await withStore(dataDir, async (s) => {
      await upsertOrg(s.db, orgFixture(ORG) as never);
      await createConnection(s.db, SecretBox.fromString(TEST_SECRET), ORG, {
        platform: 'testbed',
        name: 'testbed',
        credentials: { user: tb.user, password: tb.password },
        settings: { baseUrl: tb.url, sync: { maxBatchRecords: 25 } },
      });
      await putServices(s, serviceRecords(3000));
    });

    const first = await serve(dataDir);
    running = first.child;
    const started = await fetch(`${first.url}/v1/orgs/${ORG}/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kinds: ['service'], direction: 'outbound' }),
    });
    expect(started.status).toBe(202);
    const runId = ((await started.json()) as { runs: Array<{ id: number }> }).runs[0]!.id;
    await until('the run to deliver', () => tb.items('service').size >= 100);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const landedBeforeKill = tb.items('service').size;
    expect(landedBeforeKill).toBeLessThan(3000); // the kill interrupted the run

    tb.setFaults({ latencyMs: 5 });
    const requestsBefore = tb.stats.requests;
    const restarted = Date.now();
    const second = await serve(dataDir);
    running = second.child;
    await until('the run to resume', () => tb.stats.requests > requestsBefore);
    const resumedAfterMs = Date.now() - restarted;
    const run = async () =>
      (await (
        await fetch(`${second.url}/v1/orgs/${ORG}/runs/${runId}`, {
          headers: { authorization: `Bearer ${ADMIN}` },
        })
      ).json()) as { state: string };
    await until('the run to finish', async () => (await run()).state === 'succeeded');
    expect(tb.items('service').size).toBe(3000);
    expect(second.output()).toContain('resuming runs a stopped process left unfinished');
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
    running = undefined;
    console.log(`the interrupted run resumed ${resumedAfterMs} ms after the hub was started again`);

    // The mechanism, not a timing: the killed process's job was cancelled at the restart (not
    // left to its heartbeat, which pg-boss expires after about a minute), and a fresh job ran.
    await withStore(dataDir, async (s) => {
      expect((await getOperation(s.db, runId))?.state).toBe('succeeded');
      if (s.raw.driver !== 'pglite') throw new Error('expected PGlite');
      const boss = new PgBoss({ db: fromPglite(s.raw.client), backend: 'pglite' });
      const jobs = await boss.findJobs(SYNC_QUEUE, { data: { runId } });
      expect(jobs.map((j) => j.state)).toEqual(['cancelled', 'completed']);
    });
  }, 240_000);
});
