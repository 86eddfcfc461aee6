import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorRegistry } from '../../src/engine/connector/connector-registry.js';
import { SCHEDULE_QUEUE } from '../../src/engine/jobs/sync-jobs.js';
import { SyncEngine } from '../../src/engine/sync-engine.js';
import { testbedConnector } from '../../src/platforms/testbed/client/testbed-connector.js';
import { updateConnection } from '../../src/store/connection-store.js';
import { getOperation, listOperations, type Operation } from '../../src/store/operation-store.js';
import {
  type EngineFixture,
  ORG,
  putServices,
  serviceRecords,
  startEngineFixture,
} from '../support/engine-fixture.js';
import { storeKinds } from '../support/test-stores.js';

async function until(
  f: () => Promise<Operation | undefined>,
  done: (o: Operation) => boolean,
): Promise<Operation> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const o = await f();
    if (o && done(o)) return o;
    if (Date.now() > deadline) throw new Error(`timed out; last seen ${JSON.stringify(o)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const final = (o: Operation) => ['succeeded', 'partial', 'failed', 'cancelled'].includes(o.state);

describe.each(storeKinds)('sync runs as pg-boss jobs on %s', (kind) => {
  let f: EngineFixture | undefined;
  let queued: SyncEngine | undefined;
  afterEach(async () => {
    await queued?.stop();
    queued = undefined;
    await f?.close();
    f = undefined;
  });

  it('a triggered run is queued, taken by a worker and finished; a cancelled one stops', async () => {
    f = await startEngineFixture(kind, { testbed: { latencyMs: 30 } });
    queued = await SyncEngine.start({
      store: f.store,
      box: f.box,
      connectors: new ConnectorRegistry([testbedConnector]),
      mode: 'queue',
      workers: 1,
    });
    await putServices(f.store, serviceRecords(3000));
    const [run] = await queued.trigger(ORG, {
      connectionId: f.connectionId,
      trigger: 'test',
      kinds: ['service'],
    });
    expect(run?.state).toBe('queued');
    const done = await until(() => getOperation(f!.store.db, run!.id), final);
    expect(done.state).toBe('succeeded');
    expect(f.testbed.items('service').size).toBe(3000);

    // A long run (slow platform) is cancelled between batches.
    f.testbed.setFaults({ latencyMs: 400 });
    await putServices(f.store, serviceRecords(3000, 2));
    const [slow] = await queued.trigger(ORG, {
      connectionId: f.connectionId,
      trigger: 'test',
      kinds: ['service'],
    });
    await until(
      () => getOperation(f!.store.db, slow!.id),
      (o) => o.state === 'running' && o.sent > 0,
    );
    await queued.cancel(ORG, slow!.id);
    const cancelled = await until(() => getOperation(f!.store.db, slow!.id), final);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.sent).toBeLessThan(3000);
  }, 60_000);

  it('keeps a pg-boss cron schedule per connection and runs the connection when it fires', async () => {
    f = await startEngineFixture(kind);
    await updateConnection(f.store.db, f.box, ORG, f.connectionId, {
      settings: { baseUrl: f.testbed.url, sync: { schedule: '*/15 * * * *' } },
    });
    queued = await SyncEngine.start({
      store: f.store,
      box: f.box,
      connectors: new ConnectorRegistry([testbedConnector]),
      mode: 'queue',
      workers: 1,
    });
    const boss = queued.jobs!.boss;
    const schedules = await boss.getSchedules(SCHEDULE_QUEUE);
    expect(schedules.map((s) => [s.key, s.cron])).toEqual([[f.connectionId, '*/15 * * * *']]);
    await putServices(f.store, serviceRecords(10));
    // What the cron sends when it fires:
    await boss.send(SCHEDULE_QUEUE, { orgId: ORG, connectionId: f.connectionId });
    const run = await until(
      async () => (await listOperations(f!.store.db, { orgId: ORG, type: 'run', limit: 1 }))[0],
      final,
    );
    expect(run.trigger).toBe('schedule');
    expect(run.state).toBe('succeeded');
    expect(f.testbed.items('service').size).toBe(10);

    // Removing the schedule from the settings removes it from pg-boss.
    await updateConnection(f.store.db, f.box, ORG, f.connectionId, { settings: { baseUrl: f.testbed.url } });
    await queued.refreshSchedules();
    expect(await boss.getSchedules(SCHEDULE_QUEUE)).toHaveLength(0);
  }, 60_000);
});
