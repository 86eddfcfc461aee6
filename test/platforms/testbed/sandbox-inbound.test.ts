import { afterEach, describe, expect, it } from 'vitest';
import { startTestbed, type Testbed } from '../../../src/platforms/testbed/sandbox/start-testbed.js';
import { api, login, upserts } from './testbed-helpers.js';

describe('testbed sandbox: inbound queue and admin routes', () => {
  let bed: Testbed | undefined;
  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('serves the oldest records until they are acknowledged', async () => {
    bed = await startTestbed();
    const token = await login(bed);
    const ids = bed.addInbound(Array.from({ length: 5 }, (_, i) => ({ kind: 'reading', payload: { i } })));
    expect(ids).toEqual(['in-1', 'in-2', 'in-3', 'in-4', 'in-5']);
    const first = await api(bed, 'GET', '/api/inbound?limit=2', { token });
    expect(first.body).toEqual({
      items: [
        { id: 'in-1', kind: 'reading', payload: { i: 0 } },
        { id: 'in-2', kind: 'reading', payload: { i: 1 } },
      ],
      hasMore: true,
    });
    expect((await api(bed, 'GET', '/api/inbound?limit=2', { token })).body.items[0].id).toBe('in-1');
    const ack = await api(bed, 'POST', '/api/inbound/ack', {
      token,
      json: { ids: ['in-1', 'in-2', 'in-99'] },
    });
    expect(ack.body).toEqual({ acked: 2 });
    const rest = await api(bed, 'GET', '/api/inbound', { token });
    expect(rest.body.items.map((r: { id: string }) => r.id)).toEqual(['in-3', 'in-4', 'in-5']);
    expect(rest.body.hasMore).toBe(false);
    expect((await api(bed, 'GET', '/api/inbound?limit=501', { token })).status).toBe(400);
    expect((await api(bed, 'GET', '/api/inbound')).status).toBe(401);
  });

  it('redelivers an acknowledged record with the same id when duplicateInboundRate says so', async () => {
    bed = await startTestbed({ duplicateInboundRate: 1 });
    const token = await login(bed);
    bed.addInbound([
      { kind: 'payment', payload: { sum: 100 } },
      { kind: 'payment', payload: { sum: 200 } },
    ]);
    expect((await api(bed, 'POST', '/api/inbound/ack', { token, json: { ids: ['in-1'] } })).body.acked).toBe(
      1,
    );
    expect(bed.inboundQueue().map((r) => r.id)).toEqual(['in-2', 'in-1']);
    expect(bed.stats.faults.duplicateInbound).toBe(1);
    bed.setFaults({ duplicateInboundRate: 0 });
    await api(bed, 'POST', '/api/inbound/ack', { token, json: { ids: ['in-1', 'in-2'] } });
    expect(bed.inboundQueue()).toEqual([]);
  });

  it('applies an ack whose answer is lost, so a repeated ack acks nothing more', async () => {
    bed = await startTestbed({ lostAnswerRate: 1 });
    const token = await login(bed);
    bed.addInbound([{ kind: 'ticket', payload: {} }]);
    await expect(api(bed, 'POST', '/api/inbound/ack', { token, json: { ids: ['in-1'] } })).rejects.toThrow();
    expect(bed.inboundQueue()).toEqual([]);
    bed.setFaults({ lostAnswerRate: 0 });
    expect((await api(bed, 'POST', '/api/inbound/ack', { token, json: { ids: ['in-1'] } })).body.acked).toBe(
      0,
    );
  });

  it('is steered over /_sandbox: inbound, faults, state and reset', async () => {
    bed = await startTestbed();
    const token = await login(bed);
    const added = await api(bed, 'POST', '/_sandbox/inbound', {
      json: { items: [{ kind: 'reading', payload: 1 }] },
    });
    expect(added.body).toEqual({ ids: ['in-1'] });
    const faults = await api(bed, 'POST', '/_sandbox/faults', { json: { maxItems: 2 } });
    expect(faults.body.maxItems).toBe(2);
    expect((await api(bed, 'POST', '/_sandbox/faults', { json: { errorRate: -1 } })).status).toBe(400);
    expect((await api(bed, 'POST', '/_sandbox/faults', { json: { unknown: 1 } })).status).toBe(400);
    expect((await api(bed, 'POST', '/api/items/house', { token, json: { items: upserts(3) } })).status).toBe(
      413,
    );
    await api(bed, 'POST', '/api/items/house', {
      token,
      json: { items: [...upserts(1), { key: 'k1', op: 'delete', payload: {} }] },
    });
    const state = await api(bed, 'GET', '/_sandbox/state');
    expect(state.body).toMatchObject({
      kinds: { house: { items: 2, deleted: 1 } },
      inboundQueue: 1,
      stats: { writeRequests: 2, itemsApplied: 2, faults: { tooLarge: 1 } },
      faults: { maxItems: 2 },
    });
    const reset = await api(bed, 'POST', '/_sandbox/reset');
    expect(reset.body).toMatchObject({ kinds: {}, inboundQueue: 0, stats: { writeRequests: 0 } });
    expect(reset.body.faults.maxItems).toBe(1000);
    expect((await api(bed, 'GET', '/api/me', { token })).status).toBe(401);
  });
});
