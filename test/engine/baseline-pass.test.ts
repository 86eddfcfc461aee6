import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, OutboundStream } from '../../src/engine/connector/connector.js';
import { testbedConnector } from '../../src/platforms/testbed/client/testbed-connector.js';
import {
  type EngineFixture,
  ORG,
  putServices,
  serviceRecords,
  startEngineFixture,
  syncOnce,
} from '../support/engine-fixture.js';
import { storeKinds } from '../support/test-stores.js';

/**
 * A testbed whose service stream declares `firstPass: 'baseline'` (as is74's callbacks do) and a
 * `prepare` step that derives a record before each pass reads.
 */
function baselineConnector(calls: { prepared: number; baselineBatches: number }): Connector {
  const services = testbedConnector.outbound.find((s) => s.kind === 'service')!;
  const stream: OutboundStream = {
    ...services,
    firstPass: 'baseline',
    async prepare() {
      calls.prepared++;
    },
    deliver: (batch, ctx, pass) => {
      if (!pass?.baseline) return services.deliver(batch, ctx as never);
      calls.baselineBatches++;
      return Promise.resolve(batch.map(() => ({ status: 'ok' as const })));
    },
  };
  return { ...testbedConnector, outbound: [stream] } as Connector;
}

describe.each(storeKinds)('a baseline first pass on %s', (kind) => {
  let f: EngineFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('takes what is there as known, then sends only changes; resend-all still sends everything', async () => {
    const calls = { prepared: 0, baselineBatches: 0 };
    f = await startEngineFixture(kind, { connectors: [baselineConnector(calls)] });
    await putServices(f.store, serviceRecords(1200));

    const first = await syncOnce(f);
    expect(first).toMatchObject({ state: 'succeeded', sent: 0, unchanged: 1200 });
    expect(f.testbed.stats.writeRequests).toBe(0);
    expect(calls).toEqual({ prepared: 1, baselineBatches: 2 });

    // Unchanged: nothing read or sent. A change: sent as usual.
    expect(await syncOnce(f)).toMatchObject({ sent: 0, unchanged: 1200 });
    await putServices(f.store, serviceRecords(1, 2, 5));
    expect(await syncOnce(f)).toMatchObject({ sent: 1 });
    expect([...f.testbed.items('service').keys()]).toEqual(['s000005']);
    expect(calls.baselineBatches).toBe(2);

    // An operator's resend is not a first pass: the platform gets everything.
    const { runs } = await f.engine.resend(ORG, f.connectionId, { kind: 'service', onlyFailed: false });
    expect(await f.engine.execute(runs[0]!.id)).toMatchObject({ sent: 1200 });
    expect(f.testbed.items('service').size).toBe(1200);
    expect(calls).toEqual({ prepared: 4, baselineBatches: 2 });
  });
});
