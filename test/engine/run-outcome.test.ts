import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/engine/connector/connector.js';
import { PlatformNetworkError } from '../../src/engine/policy/platform-errors.js';
import { finalRunState, type RunOutcome } from '../../src/engine/run/final-run-state.js';
import { testbedConnector } from '../../src/platforms/testbed/client/testbed-connector.js';
import { getConnection, updateConnection } from '../../src/store/connection-store.js';
import { listConnectionHealth } from '../../src/store/run-stats-store.js';
import {
  type EngineFixture,
  FAST_RETRY,
  ORG,
  putServices,
  serviceRecords,
  startEngineFixture,
  syncOnce,
} from '../support/engine-fixture.js';
import { storeKinds } from '../support/test-stores.js';

const base: RunOutcome = {
  cancelled: false,
  connectionProblem: false,
  streams: 3,
  failedStreams: 0,
  failedRecords: 0,
  deadLetters: 0,
  answered: 5,
};

describe('a run’s final state', () => {
  it.each<[string, Partial<RunOutcome>, string]>([
    ['everything landed', {}, 'succeeded'],
    ['nothing to do (an unchanged re-sync makes no call)', { answered: 0 }, 'succeeded'],
    ['cancelled, whatever else happened', { cancelled: true, failedStreams: 3 }, 'cancelled'],
    ['credentials refused', { connectionProblem: true, answered: 0 }, 'failed'],
    ['every request failed on the network', { answered: 0, deadLetters: 40, failedRecords: 40 }, 'failed'],
    ['every stream failed', { failedStreams: 3 }, 'failed'],
    ['a pull failed and nothing else got an answer', { answered: 0, failedStreams: 1 }, 'failed'],
    ['some batches dead, others landed', { deadLetters: 10, failedRecords: 10 }, 'partial'],
    ['the platform refused some records', { failedRecords: 2 }, 'partial'],
    ['records refused by the mapping alone, no call made', { answered: 0, failedRecords: 2 }, 'partial'],
    ['one stream failed, the others ran', { failedStreams: 1 }, 'partial'],
  ])('%s → %s', (_what, patch, expected) => {
    expect(finalRunState({ ...base, ...patch })).toBe(expected);
  });
});

/** A pino logger whose JSON lines the test reads. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log: pino({ level: 'info' }, stream), lines, entries };
}

/** The fixture's connection as every log line of it names it. */
const WHO = { org: ORG, connection: 'testbed', platform: 'testbed' };

/** The one captured line that matches (at warn or above by default); fails when there are more. */
function lone(
  cap: ReturnType<typeof capturedLog>,
  match: (e: Record<string, unknown>) => boolean = (e) => (e.level as number) >= 40,
) {
  const found = cap.entries().filter(match);
  expect(found, cap.lines.join('\n')).toHaveLength(1);
  return found[0]!;
}

/** An address nothing listens on: every request fails with ECONNREFUSED. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

const QUICK = { ...FAST_RETRY, maxAttempts: 2 };

describe.each(storeKinds)('runs tell the truth and failures show in the log on %s', (kind) => {
  let f: EngineFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('fails a run whose every request failed on the network, and says so once in the log', async () => {
    const cap = capturedLog();
    f = await startEngineFixture(kind, { log: cap.log, sync: QUICK });
    await putServices(f.store, serviceRecords(12));
    const conn = (await getConnection(f.store.db, f.box, ORG, f.connectionId))!;
    await updateConnection(f.store.db, f.box, ORG, f.connectionId, {
      settings: { ...conn.settings, baseUrl: await closedPortUrl() },
    });
    const run = await syncOnce(f, { direction: 'outbound' });
    expect(run.state).toBe('failed');
    expect(run.sent).toBe(0);
    expect(run.lastError).toMatch(/dead_letter/);
    expect(lone(cap, (e) => e.level === 50)).toMatchObject({
      ...WHO,
      run: run.id,
      code: 'platform_unreachable',
      msg: 'sync run failed: no request reached the platform',
    });
    // No schedule: nothing to be late against.
    expect(cap.entries().some((e) => e.code === 'unreachable_beyond_schedule')).toBe(false);
    const [health] = await listConnectionHealth(f.store.db, f.connectionId);
    expect(health?.runs).toEqual({ failed: 1 });
    expect(health?.lastSuccessAt).toBeUndefined();
  });

  it('logs a platform unreachable for longer than its schedule', async () => {
    const cap = capturedLog();
    f = await startEngineFixture(kind, { log: cap.log, sync: QUICK });
    await putServices(f.store, serviceRecords(3));
    const conn = (await getConnection(f.store.db, f.box, ORG, f.connectionId))!;
    await updateConnection(f.store.db, f.box, ORG, f.connectionId, {
      settings: {
        ...conn.settings,
        baseUrl: await closedPortUrl(),
        sync: { ...(conn.settings.sync as object), schedule: '*/15 * * * *' },
      },
    });
    // Created two hours ago and never synced: eight schedules have passed without a success.
    await f.store.db.execute(
      sql`UPDATE connections SET created_at = now() - interval '2 hours' WHERE id = ${f.connectionId}`,
    );
    const run = await syncOnce(f, { direction: 'outbound' });
    expect(run.state).toBe('failed');
    const late = lone(cap, (e) => e.code === 'unreachable_beyond_schedule');
    expect(late).toMatchObject({
      level: 50,
      ...WHO,
      scheduleSeconds: 900,
      msg: 'platform unreachable for longer than its schedule',
    });
    expect(late.downSeconds as number).toBeGreaterThan(7000);
  });

  it('logs refused credentials as one error line without the password', async () => {
    const cap = capturedLog();
    f = await startEngineFixture(kind, { log: cap.log });
    await putServices(f.store, serviceRecords(3));
    await updateConnection(f.store.db, f.box, ORG, f.connectionId, {
      credentials: { user: 'bridge', password: 'wrong-Pa55word' },
    });
    const run = await syncOnce(f);
    expect(run.state).toBe('failed');
    expect(lone(cap)).toMatchObject({
      level: 50,
      ...WHO,
      code: 'auth_rejected',
      msg: 'sync run failed: the platform refused the credentials',
    });
    expect(cap.lines.join('\n')).not.toContain('wrong-Pa55word');
    expect(cap.lines.join('\n')).not.toContain(f.testbed.password);
  });

  it('is partial when one endpoint is down and the rest lands, with one warn line for the dead letters', async () => {
    const cap = capturedLog();
    // The platform's house endpoint is down (every call resets); its service endpoint works.
    const halfDown: Connector = {
      ...testbedConnector,
      outbound: testbedConnector.outbound.map((s) =>
        s.kind === 'house'
          ? { ...s, deliver: () => Promise.reject(new PlatformNetworkError('socket hang up', 'ECONNRESET')) }
          : s,
      ),
    } as Connector;
    f = await startEngineFixture(kind, { log: cap.log, sync: QUICK, connectors: [halfDown] });
    await putServices(f.store, serviceRecords(4));
    await f.store.db.execute(
      sql`INSERT INTO records (org_id, kind, key, data, hash)
          VALUES (${ORG}, 'house', 'h1', '{"id":"h1","address":"г. Город, ул. Первая, д. 1"}', 'x')`,
    );
    const run = await syncOnce(f, { direction: 'outbound' });
    expect(run).toMatchObject({ state: 'partial', sent: 4, failed: 1 });
    expect(lone(cap)).toMatchObject({
      level: 40,
      ...WHO,
      code: 'dead_letter',
      records: 1,
    });
    // The log carries codes and transport reasons, never a record's content.
    expect(cap.lines.join('\n')).not.toContain('ул. Первая');
  });

  it('is partial when the pull fails but the deliveries land, with one warn line naming the stream', async () => {
    const cap = capturedLog();
    const pullDown: Connector = {
      ...testbedConnector,
      inbound: testbedConnector.inbound.map((s) => ({
        ...s,
        pull: () => Promise.reject(new PlatformNetworkError('connect ECONNREFUSED', 'ECONNREFUSED')),
      })),
    } as Connector;
    f = await startEngineFixture(kind, { log: cap.log, sync: QUICK, connectors: [pullDown] });
    await putServices(f.store, serviceRecords(3));
    const run = await syncOnce(f);
    expect(run).toMatchObject({ state: 'partial', sent: 3 });
    const warned = lone(cap);
    expect(warned).toMatchObject({
      level: 40,
      ...WHO,
      code: 'stream_failed',
      streams: 1,
      msg: 'sync run partial: a stream failed, the others ran',
    });
    expect(warned.reason).toMatch(/ECONNREFUSED/);
  });

  it('writes nothing at warn or above for a run that succeeded or only had records refused', async () => {
    const cap = capturedLog();
    f = await startEngineFixture(kind, { log: cap.log });
    await putServices(f.store, serviceRecords(3));
    expect((await syncOnce(f)).state).toBe('succeeded');
    await putServices(f.store, [{ id: 'x-bad', name: 'bad', reject: 'nope' }]);
    expect((await syncOnce(f)).state).toBe('partial');
    expect(cap.entries().filter((e) => (e.level as number) >= 40)).toEqual([]);
    const [health] = await listConnectionHealth(f.store.db, f.connectionId);
    expect(health?.runs).toEqual({ succeeded: 1, partial: 1 });
    expect(health?.lastSuccessAt).toBeInstanceOf(Date);
  });
});
