import { afterEach, describe, expect, it } from 'vitest';
import {
  startTestbed,
  type Testbed,
  type TestbedOptions,
} from '../../../src/platforms/testbed/sandbox/start-testbed.js';
import { api, login, upserts } from './testbed-helpers.js';

describe('testbed sandbox: writes', () => {
  let beds: Testbed[] = [];
  afterEach(async () => {
    await Promise.all(beds.map((b) => b.close()));
    beds = [];
  });
  async function open(options: TestbedOptions = {}): Promise<{ bed: Testbed; token: string }> {
    const bed = await startTestbed(options);
    beds.push(bed);
    return { bed, token: await login(bed) };
  }

  it('creates on the first upsert and keeps the id on the next, per kind', async () => {
    const { bed, token } = await open();
    const first = await api(bed, 'POST', '/api/items/house', { token, json: { items: upserts(2) } });
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([
      { key: 'k0', status: 'ok', id: 'tb-1' },
      { key: 'k1', status: 'ok', id: 'tb-2' },
    ]);
    const again = await api(bed, 'POST', '/api/items/house', {
      token,
      json: { items: [{ key: 'k0', op: 'upsert', payload: { n: 'new' } }] },
    });
    expect(again.body.results).toEqual([{ key: 'k0', status: 'ok', id: 'tb-1' }]);
    expect(bed.items('house').get('k0')).toEqual({
      id: 'tb-1',
      payload: { n: 'new' },
      deleted: false,
      writes: 2,
    });
    const other = await api(bed, 'POST', '/api/items/meter', { token, json: { items: upserts(1) } });
    expect(other.body.results[0].id).toBe('tb-3');
    expect(bed.items('meter').size).toBe(1);
    expect(bed.items('house').size).toBe(2);
    expect(bed.stats).toMatchObject({ writeRequests: 3, itemsApplied: 4, itemsRejected: 0 });
  });

  it('deletes as a tombstone that keeps id and payload, and an upsert brings it back', async () => {
    const { bed, token } = await open();
    await api(bed, 'POST', '/api/items/account', { token, json: { items: upserts(1) } });
    const del = await api(bed, 'POST', '/api/items/account', {
      token,
      json: { items: [{ key: 'k0', op: 'delete', payload: {} }] },
    });
    expect(del.body.results).toEqual([{ key: 'k0', status: 'ok', id: 'tb-1' }]);
    expect(bed.items('account').get('k0')).toEqual({
      id: 'tb-1',
      payload: { n: 0 },
      deleted: true,
      writes: 2,
    });
    await api(bed, 'POST', '/api/items/account', { token, json: { items: upserts(1) } });
    expect(bed.items('account').get('k0')?.deleted).toBe(false);
  });

  it('refuses a payload with a string `reject` and applies the rest of the batch', async () => {
    const { bed, token } = await open();
    const items = [
      ...upserts(1),
      { key: 'bad', op: 'upsert', payload: { reject: 'invalid_inn' } },
      ...upserts(1, 1),
    ];
    const answer = await api(bed, 'POST', '/api/items/account', { token, json: { items } });
    expect(answer.body.results.map((r: { status: string }) => r.status)).toEqual(['ok', 'error', 'ok']);
    expect(answer.body.results[1]).toMatchObject({ key: 'bad', code: 'invalid_inn' });
    expect(answer.body.results[1].message).toEqual(expect.any(String));
    expect(bed.items('account').has('bad')).toBe(false);
    expect(bed.stats).toMatchObject({ itemsApplied: 2, itemsRejected: 1 });
  });

  it('answers 413 over maxItems or maxBodyBytes and applies nothing', async () => {
    const { bed, token } = await open({ maxItems: 3, maxBodyBytes: 2000 });
    const many = await api(bed, 'POST', '/api/items/house', { token, json: { items: upserts(4) } });
    expect(many).toMatchObject({ status: 413, body: { error: 'too_large' } });
    const big = [{ key: 'big', op: 'upsert', payload: { text: 'x'.repeat(3000) } }];
    expect((await api(bed, 'POST', '/api/items/house', { token, json: { items: big } })).status).toBe(413);
    expect(bed.items('house').size).toBe(0);
    expect(bed.stats.faults.tooLarge).toBe(2);
    expect((await api(bed, 'POST', '/api/items/house', { token, json: { items: upserts(3) } })).status).toBe(
      200,
    );
  });

  it('answers 400 to a malformed body and applies nothing', async () => {
    const { bed, token } = await open();
    const bodies = [
      '{not json',
      JSON.stringify({ records: [] }),
      JSON.stringify({
        items: [
          { key: 'a', op: 'upsert' },
          { key: 'b', op: 'merge' },
        ],
      }),
      JSON.stringify({ items: [{ key: '', op: 'upsert' }] }),
    ];
    for (const body of bodies) {
      const answer = await api(bed, 'POST', '/api/items/house', { token, body });
      expect(answer).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    }
    expect(bed.items('house').size).toBe(0);
  });

  it('applies a batch whose answer is lost, and a retry finds each record once', async () => {
    const { bed, token } = await open({ lostAnswerRate: 1 });
    const items = upserts(3);
    await expect(api(bed, 'POST', '/api/items/reading', { token, json: { items } })).rejects.toThrow();
    expect(bed.items('reading').size).toBe(3);
    expect(bed.stats.faults.lostAnswer).toBe(1);
    bed.setFaults({ lostAnswerRate: 0 });
    const retry = await api(bed, 'POST', '/api/items/reading', { token, json: { items } });
    expect(retry.body.results.map((r: { id: string }) => r.id)).toEqual(['tb-1', 'tb-2', 'tb-3']);
    expect(bed.items('reading').size).toBe(3);
    expect(bed.items('reading').get('k0')?.writes).toBe(2);
    expect(bed.stats.writeRequests).toBe(2);
  });

  it('fails before applying on error, reset, timeout and rate limit', async () => {
    const { bed, token } = await open({ errorRate: 1 });
    const post = () => api(bed, 'POST', '/api/items/payment', { token, json: { items: upserts(2) } });
    expect(await post()).toMatchObject({ status: 500, body: { error: 'internal' } });
    bed.setFaults({ errorRate: 0, resetRate: 1 });
    await expect(post()).rejects.toThrow();
    bed.setFaults({ resetRate: 0, timeoutRate: 1, hangMs: 100 });
    const started = performance.now();
    await expect(post()).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    bed.setFaults({ timeoutRate: 0, rateLimitRate: 1, rateLimitResetMs: 1500 });
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    const reset = Number(limited.headers.get('x-rate-limit-complexity-reset'));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 1);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 2);
    expect(bed.items('payment').size).toBe(0);
    expect(bed.stats.faults).toMatchObject({ error: 1, reset: 1, timeout: 1, rateLimited: 1 });
    expect(bed.stats.writeRequests).toBe(4);
  });

  it('draws the same fault schedule from the same seed', async () => {
    async function schedule(seed: number): Promise<number[]> {
      const { bed, token } = await open({ seed, errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        statuses.push(
          (await api(bed, 'POST', '/api/items/house', { token, json: { items: upserts(1) } })).status,
        );
      }
      return statuses;
    }
    const first = await schedule(42);
    expect(await schedule(42)).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await schedule(43)).not.toEqual(first);
  });
});
