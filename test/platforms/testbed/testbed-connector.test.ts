import { afterEach, describe, expect, it } from 'vitest';
import type { WireRecord } from '../../../src/engine/connector/connector.js';
import {
  AuthExpiredError,
  AuthRejectedError,
  NonRetryableError,
  PayloadTooLargeError,
  PlatformHttpError,
  PlatformNetworkError,
} from '../../../src/engine/policy/platform-errors.js';
import { testbedConnector } from '../../../src/platforms/testbed/client/testbed-connector.js';
import { startTestbed, type Testbed } from '../../../src/platforms/testbed/sandbox/start-testbed.js';
import { contextFor } from './testbed-helpers.js';

const houses = testbedConnector.outbound.find((s) => s.kind === 'house')!;
const inbound = testbedConnector.inbound[0]!;

function records(n: number, from = 0): WireRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `h${from + i}`,
    op: 'upsert',
    payload: { n: from + i },
  }));
}

describe('testbed connector', () => {
  let bed: Testbed | undefined;
  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('validates settings strictly with defaults, and credentials', () => {
    expect(testbedConnector.settings.parse({ baseUrl: 'http://127.0.0.1:1' })).toEqual({
      baseUrl: 'http://127.0.0.1:1',
      batchSize: 1000,
      maxBatchBytes: 1_048_576,
    });
    expect(testbedConnector.settings.safeParse({ baseUrl: 'http://x', extra: 1 }).success).toBe(false);
    expect(testbedConnector.settings.safeParse({ baseUrl: 'not a url' }).success).toBe(false);
    expect(testbedConnector.settings.safeParse({ baseUrl: 'http://x', batchSize: 1001 }).success).toBe(false);
    expect(testbedConnector.credentials.safeParse({ user: 'u' }).success).toBe(false);
  });

  it('declares one outbound stream per kind in dependency order and maps rows to wire records', async () => {
    expect(testbedConnector.outbound.map((s) => s.kind)).toEqual([
      'house',
      'premise',
      'account',
      'service',
      'tariff',
      'meter',
      'reading',
      'receipt',
      'balance',
      'transaction',
      'payment',
      'contract',
    ]);
    expect(testbedConnector.inbound.map((s) => s.name)).toEqual(['inbound']);
    expect(typeof testbedConnector.served?.register).toBe('function'); // pushed events: see test/hub/served-routes
    bed = await startTestbed();
    const wire = await houses.toWire(
      [
        { key: 'a', data: { id: 'a', floors: 5 }, deleted: false },
        { key: 'b', data: { id: 'b' }, deleted: true },
      ],
      contextFor(bed),
    );
    expect(wire.records).toEqual([
      { key: 'a', op: 'upsert', payload: { id: 'a', floors: 5 } },
      { key: 'b', op: 'delete', payload: {} },
    ]);
  });

  it('checks by logging in and asking /api/me; wrong credentials are AuthRejectedError', async () => {
    bed = await startTestbed();
    const ctx = contextFor(bed);
    expect(await testbedConnector.check(ctx)).toEqual({ ok: true, detail: 'testbed:bridge' });
    expect(ctx.session.get('token')).toEqual(expect.any(String));
    await testbedConnector.check(ctx);
    expect(bed.stats.logins).toBe(1);
    const wrong = contextFor(bed, { user: 'bridge', password: 'wrong' });
    await expect(testbedConnector.check(wrong)).rejects.toBeInstanceOf(AuthRejectedError);
  });

  it('delivers a batch and maps results in order, ok with the platform id or rejected', async () => {
    bed = await startTestbed();
    const ctx = contextFor(bed);
    const batch = [...records(2), { key: 'bad', op: 'upsert' as const, payload: { reject: 'no_address' } }];
    const outcomes = await houses.deliver(batch, ctx);
    expect(outcomes).toEqual([
      { status: 'ok', platformId: 'tb-1' },
      { status: 'ok', platformId: 'tb-2' },
      { status: 'rejected', code: 'no_address', message: expect.any(String) },
    ]);
    await houses.deliver([{ key: 'h0', op: 'delete', payload: {} }], ctx);
    expect(bed.items('house').get('h0')).toMatchObject({ id: 'tb-1', deleted: true, writes: 2 });
    const meters = testbedConnector.outbound.find((s) => s.kind === 'meter')!;
    await meters.deliver(records(1), ctx);
    expect(bed.items('meter').size).toBe(1);
  });

  it('logs in when the session has no token, once for concurrent batches', async () => {
    bed = await startTestbed();
    const ctx = contextFor(bed);
    await Promise.all([houses.deliver(records(1), ctx), houses.deliver(records(1, 1), ctx)]);
    expect(bed.stats.logins).toBe(1);
    ctx.session.clear();
    await houses.deliver(records(1, 2), ctx);
    expect(bed.stats.logins).toBe(2);
  });

  it('surfaces an expired token as AuthExpiredError and recovers after the session is cleared', async () => {
    bed = await startTestbed({ tokenTtlMs: 100 });
    const ctx = contextFor(bed);
    await houses.deliver(records(1), ctx);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(houses.deliver(records(1, 1), ctx)).rejects.toBeInstanceOf(AuthExpiredError);
    ctx.session.clear(); // what the engine does on AuthExpiredError
    expect(await houses.deliver(records(1, 1), ctx)).toEqual([{ status: 'ok', platformId: 'tb-2' }]);
  });

  it('throws what the engine needs for whole-request failures', async () => {
    bed = await startTestbed({ maxItems: 2 });
    const ctx = contextFor(bed);
    await expect(houses.deliver(records(3), ctx)).rejects.toBeInstanceOf(PayloadTooLargeError);
    const malformed = [{ key: 'x', op: 'merge', payload: {} }] as unknown as WireRecord[];
    await expect(houses.deliver(malformed, ctx)).rejects.toBeInstanceOf(NonRetryableError);
    bed.setFaults({ errorRate: 1 });
    await expect(houses.deliver(records(1), ctx)).rejects.toBeInstanceOf(PlatformHttpError);
    bed.setFaults({ errorRate: 0, lostAnswerRate: 1 });
    await expect(houses.deliver(records(1), ctx)).rejects.toBeInstanceOf(PlatformNetworkError);
    bed.setFaults({ lostAnswerRate: 0 });
    expect(await houses.deliver(records(1), ctx)).toEqual([{ status: 'ok', platformId: 'tb-1' }]);
    expect(bed.items('house').size).toBe(1);
  });

  it('pulls inbound pages with a highest-id checkpoint and acks them', async () => {
    bed = await startTestbed();
    const ctx = contextFor(bed);
    bed.addInbound(
      Array.from({ length: 205 }, (_, i) => ({ kind: i % 2 ? 'payment' : 'reading', payload: { i } })),
    );
    const first = await inbound.pull(undefined, ctx);
    expect(first.items).toHaveLength(200);
    expect(first.items[1]).toEqual({ kind: 'payment', sourceId: 'in-2', payload: { i: 1 } });
    expect(first.checkpoint).toEqual({ lastId: 'in-200' });
    expect(first.hasMore).toBe(true);
    await inbound.ack!(first.ackToken, ctx);
    const second = await inbound.pull(first.checkpoint, ctx);
    expect(second.items.map((i) => i.sourceId)).toEqual(['in-201', 'in-202', 'in-203', 'in-204', 'in-205']);
    expect(second).toMatchObject({ checkpoint: { lastId: 'in-205' }, hasMore: false });
    await inbound.ack!(second.ackToken, ctx);
    const empty = await inbound.pull(second.checkpoint, ctx);
    expect(empty).toMatchObject({ items: [], checkpoint: { lastId: 'in-205' }, hasMore: false });
    expect(bed.inboundQueue()).toEqual([]);
  });

  it('keeps the highest id when a redelivered record comes back after newer ones', async () => {
    bed = await startTestbed({ duplicateInboundRate: 1 });
    const ctx = contextFor(bed);
    bed.addInbound([{ kind: 'reading', payload: 1 }]);
    const first = await inbound.pull(undefined, ctx);
    await inbound.ack!(first.ackToken, ctx);
    bed.setFaults({ duplicateInboundRate: 0 });
    bed.addInbound([{ kind: 'reading', payload: 2 }]);
    const again = await inbound.pull({ lastId: 'in-7' }, ctx);
    expect(again.items.map((i) => i.sourceId)).toEqual(['in-1', 'in-2']);
    expect(again.checkpoint).toEqual({ lastId: 'in-7' });
    expect((await inbound.pull({ lastId: 'in-1' }, ctx)).checkpoint).toEqual({ lastId: 'in-2' });
  });
});
