import { afterEach, describe, expect, it } from 'vitest';
import { listRecordErrors } from '../../src/store/record-error-store.js';
import {
  type EngineFixture,
  ORG,
  putServices,
  serviceRecords,
  startEngineFixture,
  syncOnce,
} from '../support/engine-fixture.js';
import { storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('errors retry on %s', (kind) => {
  let f: EngineFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('re-queues refused and dead-lettered records, counted by code, and the dead letters land', async () => {
    f = await startEngineFixture(kind, { sync: { maxAttempts: 2 } });
    await putServices(f.store, [...serviceRecords(4), { id: 'x-bad', name: 'bad', reject: 'name_taken' }]);
    expect(await syncOnce(f, { direction: 'outbound' })).toMatchObject({ state: 'partial', sent: 4 });

    // The platform goes down while five records change: they end in the dead letters.
    f.testbed.setFaults({ errorRate: 1 });
    await putServices(f.store, serviceRecords(5, 2));
    expect(await syncOnce(f, { direction: 'outbound' })).toMatchObject({ state: 'failed', failed: 5 });
    const open = await listRecordErrors(f.store.db, ORG, { state: 'open', limit: 100 });
    expect(open.map((e) => e.code).sort()).toEqual([
      'dead_letter',
      'dead_letter',
      'dead_letter',
      'dead_letter',
      'dead_letter',
      'name_taken',
    ]);

    f.testbed.setFaults({ errorRate: 0 });
    const { reset, requeued, runs } = await f.engine.resend(ORG, f.connectionId, { onlyFailed: true });
    expect(requeued).toEqual({ dead_letter: 5, name_taken: 1 });
    expect(reset).toBe(1); // the refused record's delivery state; dead letters had none to forget
    const again = await f.engine.execute(runs[0]!.id);
    expect(again).toMatchObject({ trigger: 'retry-failed', sent: 5, failed: 1, state: 'partial' });
    const left = await listRecordErrors(f.store.db, ORG, { state: 'open', limit: 100 });
    expect(left.map((e) => [e.key, e.code])).toEqual([['x-bad', 'name_taken']]);
    expect(f.testbed.items('service').get('s000004')?.payload).toMatchObject({ name: 'Услуга 4 v2' });

    // Only one kind: nothing of it has an error, so nothing is counted.
    const none = await f.engine.resend(ORG, f.connectionId, { onlyFailed: true, kind: 'house' });
    expect(none.requeued).toEqual({});
    await f.engine.execute(none.runs[0]!.id);
  });
});
