import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/engine/connector/connector.js';
import { NonRetryableError } from '../../src/engine/policy/platform-errors.js';
import { testbedConnector } from '../../src/platforms/testbed/client/testbed-connector.js';
import { readCheckpoint } from '../../src/store/checkpoint-store.js';
import { readInbox } from '../../src/store/inbox-store.js';
import { listOperations } from '../../src/store/operation-store.js';
import { type EngineFixture, ORG, startEngineFixture, syncOnce } from '../support/engine-fixture.js';
import { storeKinds } from '../support/test-stores.js';

async function inboxIds(f: EngineFixture): Promise<string[]> {
  const all: string[] = [];
  let after = 0;
  for (;;) {
    const { items } = await readInbox(f.store.db, ORG, { after, limit: 1000 });
    if (items.length === 0) return all;
    all.push(...items.map((i) => i.sourceId));
    after = items[items.length - 1]!.cursor;
  }
}

/** The testbed connector whose acknowledgements fail while `failAcks` is on (a crash after commit). */
function withFailingAck(state: { failAcks: boolean }): Connector {
  const [inbound] = testbedConnector.inbound;
  return {
    ...testbedConnector,
    inbound: [
      {
        ...inbound!,
        async ack(token, ctx) {
          if (state.failAcks) throw new NonRetryableError('the process died before the acknowledgement');
          return inbound!.ack!(token, ctx as never);
        },
      },
    ],
  } as Connector;
}

describe.each(storeKinds)('inbound with ack-after-commit on %s', (kind) => {
  let f: EngineFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('lands every item exactly once while the platform redelivers and answers get lost', async () => {
    f = await startEngineFixture(kind, {
      testbed: { seed: 3, duplicateInboundRate: 0.2, lostAnswerRate: 0.1, errorRate: 0.1, resetRate: 0.05 },
    });
    const ids = f.testbed.addInbound(
      Array.from({ length: 1200 }, (_, i) => ({
        kind: 'reading',
        payload: { meter: `m${i}`, value: `${i}.5` },
      })),
    );
    // Redelivered items come back after their ack: sync until the platform's queue is empty.
    for (let i = 0; i < 10 && f.testbed.inboundQueue().length > 0; i++)
      await syncOnce(f, { direction: 'inbound' });
    expect(f.testbed.inboundQueue()).toHaveLength(0);
    expect(f.testbed.stats.faults.duplicateInbound).toBeGreaterThan(0);
    const landed = await inboxIds(f);
    expect(landed).toHaveLength(ids.length);
    expect(new Set(landed)).toEqual(new Set(ids));
    const cp = await readCheckpoint(f.store.db, f.connectionId, 'inbound');
    expect(cp?.value).toEqual({ lastId: ids[ids.length - 1] });
  });

  it('commits before acknowledging: a failed ack means redelivery, not a duplicate or a loss', async () => {
    const state = { failAcks: true };
    f = await startEngineFixture(kind, { connectors: [withFailingAck(state)] });
    const ids = f.testbed.addInbound(
      Array.from({ length: 50 }, (_, i) => ({ kind: 'payment', payload: { n: i } })),
    );
    const crashed = await syncOnce(f, { direction: 'inbound' });
    expect(crashed.state).toBe('failed');
    expect(crashed.received).toBe(50);
    expect(crashed.acknowledged).toBe(0);
    expect(await inboxIds(f)).toEqual(ids); // committed, in platform order
    expect(f.testbed.inboundQueue()).toHaveLength(50); // not acknowledged: still on the platform
    const [page] = await listOperations(f.store.db, { parentId: crashed.id, type: 'page', limit: 5 });
    expect(page?.state).toBe('failed');

    state.failAcks = false;
    const next = await syncOnce(f, { direction: 'inbound' });
    expect(next.state).toBe('succeeded');
    expect(next.received).toBe(50);
    expect(next.unchanged).toBe(50); // all of them redelivered, none new
    expect(next.acknowledged).toBe(50);
    expect(f.testbed.inboundQueue()).toHaveLength(0);
    expect(await inboxIds(f)).toEqual(ids);
  });
});
