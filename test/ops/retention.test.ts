import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../src/cli/commands/serve-command.js';
import { PRUNE_CRON, PRUNE_QUEUE } from '../../src/engine/retention/retention-job.js';
import { createConnection } from '../../src/store/connection-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { pruneHistory } from '../../src/store/prune-store.js';
import { createToken } from '../../src/store/token-store.js';
import { PLANTED, plantHistory } from '../support/plant-history.js';
import { CLI_BUILT, cleanCliEnv, runCli } from '../support/run-cli.js';
import { orgFixture } from '../support/test-hub.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { env: { ...cleanCliEnv(), ...env } });
const built = CLI_BUILT;

const EMPTY = { runs: 0, operations: 0, inbox: 0, recordErrors: 0 };
const NINETY_DAYS = 90 * 86_400_000;

describe('retention: the nightly prune of serve, the prune route and command', { timeout: 240_000 }, () => {
  let hub: RunningHub | undefined;
  let dataDir: string;
  let admin: string;
  let orgToken: string;

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'zb-prune-')), 'data');
    hub = await startHub({ dataDir, port: 0, logLevel: 'silent' });
    const db = hub.opened.store.db;
    admin = hub.firstAdminToken!;
    await upsertOrg(db, orgFixture('uk-prune') as never);
    orgToken = (await createToken(db, { orgId: 'uk-prune', name: 't' })).token;
    const conn = await createConnection(db, hub.opened.box, 'uk-prune', { platform: 'testbed', name: 'tb' });
    await plantHistory(db, 'uk-prune', conn.id);
  });
  afterAll(async () => hub?.close());

  const post = (token: string, body: unknown) =>
    fetch(`${hub!.url}/v1/prune`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers a dry run through the API to an admin token only', async () => {
    expect((await post(orgToken, { dryRun: true })).status).toBe(403);
    const bad = await post(admin, { olderThan: '90 days' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/olderThan=90 days: give a period/);
    const dry = await post(admin, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, ...PLANTED.old });
  });

  it.runIf(built)('prune --dry-run goes through a running hub and removes nothing', async () => {
    const r = await run(['prune', '--dry-run'], { ZHKH_URL: hub!.url, ZHKH_TOKEN: admin });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^would remove 2 runs, 4 operations, 3 inbox items, 1 resolved record errors from before .* UTC \(dry run: nothing removed\)/,
    );
    expect(
      await pruneHistory(hub!.opened.store.db, new Date(Date.now() - NINETY_DAYS), { dryRun: true }),
    ).toEqual(PLANTED.old);
  });

  it('schedules the prune nightly in serve, and the job removes the old history', async () => {
    const boss = hub!.engine.jobs!.boss;
    const schedules = await boss.getSchedules(PRUNE_QUEUE);
    expect(schedules.map((s) => ({ cron: s.cron, tz: s.timezone }))).toEqual([
      { cron: PRUNE_CRON, tz: 'UTC' },
    ]);
    // Tonight's job, now: what the schedule sends at 03:17 UTC.
    await boss.send(PRUNE_QUEUE, {});
    const db = hub!.opened.store.db;
    // NOTIFY wakes the worker at once; its 60 s poll is the backstop on a machine that drops it.
    const deadline = Date.now() + 90_000;
    let left = await pruneHistory(db, new Date(Date.now() - NINETY_DAYS), { dryRun: true });
    while (JSON.stringify(left) !== JSON.stringify(EMPTY) && Date.now() < deadline) {
      await sleep(250);
      left = await pruneHistory(db, new Date(Date.now() - NINETY_DAYS), { dryRun: true });
    }
    expect(left).toEqual(EMPTY);
  });

  it.runIf(built)('prune on the store itself, once the hub is stopped', async () => {
    await hub!.close();
    hub = undefined;
    const r = await run(['prune', '--older-than', '30d', '--data-dir', dataDir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^removed 0 runs, 0 operations, 0 inbox items, 0 resolved record errors from before/,
    );
    const bad = await run(['prune', '--older-than', '3 months', '--data-dir', dataDir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--older-than=3 months: give a period like 90d');
  });
});
