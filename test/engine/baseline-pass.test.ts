import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, OutboundStream } from '../../src/engine/connector/connector.js';
import { dropOutboundMarks } from '../../src/engine/run/outbound-mark.js';
import { testbedConnector } from '../../src/platforms/testbed/client/testbed-connector.js';
import {
  type EngineFixture,
  ORG,
  putServices,
  removeServices,
  serviceRecords,
  startEngineFixture,
  syncOnce,
} from '../support/engine-fixture.js';
import { storeKinds } from '../support/test-stores.js';

/**
 * A testbed whose service stream declares `firstPass: 'baseline'` (as is74's callbacks do) and a
 * `prepare` step that derives a record before each pass reads.
 */
function baselineConnector(calls: { prepared: number; delivered: number }): [Connector, OutboundStream] {
  const services = testbedConnector.outbound.find((s) => s.kind === 'service')!;
  const stream: OutboundStream = {
    ...services,
    firstPass: 'baseline',
    async prepare() {
      calls.prepared++;
    },
    deliver: (batch, ctx) => {
      calls.delivered += batch.length;
      return services.deliver(batch, ctx as never);
    },
  };
  return [{ ...testbedConnector, outbound: [stream] } as Connector, stream];
}

describe.each(storeKinds)('a baseline first pass on %s', (kind) => {
  let f: EngineFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('takes what is there as known without reading it, then sends only changes; resend-all sends everything', async () => {
    const calls = { prepared: 0, delivered: 0 };
    const [connector, stream] = baselineConnector(calls);
    f = await startEngineFixture(kind, { connectors: [connector] });
    await putServices(f.store, serviceRecords(1200));

    const first = await syncOnce(f);
    expect(first).toMatchObject({ state: 'succeeded', sent: 0, unchanged: 1200 });
    expect(f.testbed.stats.writeRequests).toBe(0);
    expect(calls).toEqual({ prepared: 1, delivered: 0 });

    // Unchanged: nothing sent. A change (and a deletion): sent as usual.
    expect(await syncOnce(f)).toMatchObject({ sent: 0, unchanged: 1200 });
    await putServices(f.store, serviceRecords(1, 2, 5));
    await removeServices(f.store, ['s000007']);
    expect(await syncOnce(f)).toMatchObject({ sent: 2 });
    expect([...f.testbed.items('service').keys()].sort()).toEqual(['s000005', 's000007']);

    // New mapping code makes a full pass that maps every record: what the baseline took as known
    // and did not change since is still in step, and is not sent.
    stream.mappingVersion = 2;
    expect(await syncOnce(f)).toMatchObject({ sent: 0, unchanged: 1200 });
    await dropOutboundMarks(f.store.db, f.connectionId);
    expect(await syncOnce(f)).toMatchObject({ sent: 0 });
    expect(calls.delivered).toBe(2);

    // An operator's resend is not a first pass: the platform gets everything.
    const { runs } = await f.engine.resend(ORG, f.connectionId, { kind: 'service', onlyFailed: false });
    expect(await f.engine.execute(runs[0]!.id)).toMatchObject({ sent: 1200 });
    expect(f.testbed.items('service').size).toBe(1200);
  });
});
