import { describe, expect, it } from 'vitest';
import { bulkWritesOf, WriteGate } from '../../src/hub/write-gate.js';

describe('the bulk write gate', () => {
  it('lets `limit` writes work at once, the others in arrival order, and frees its turn on failure', async () => {
    const gate = new WriteGate(2);
    let active = 0;
    let most = 0;
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const runs = [0, 1, 2, 3, 4].map((i) =>
      gate.run(async () => {
        started.push(i);
        most = Math.max(most, ++active);
        await new Promise<void>((r) => releases.push(r));
        active--;
        if (i === 1) throw new Error('write 1 failed');
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(3);
    releases[1]!(); // the failing one: its turn passes on
    await expect(runs[1]).rejects.toThrow('write 1 failed');
    expect(started).toEqual([0, 1, 2]);
    for (let i = 0; i < 5; i++) {
      releases[i === 1 ? 0 : i]?.();
      await new Promise((r) => setImmediate(r));
    }
    for (const r of releases) r();
    expect(await Promise.all([runs[0], runs[2], runs[3], runs[4]])).toEqual([0, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it('reads its limit from ZHKH_BULK_WRITES and refuses nonsense', () => {
    expect(bulkWritesOf({})).toBe(2);
    expect(bulkWritesOf({ ZHKH_BULK_WRITES: '1' })).toBe(1);
    expect(() => bulkWritesOf({ ZHKH_BULK_WRITES: '0' })).toThrow(/ZHKH_BULK_WRITES/);
    expect(() => bulkWritesOf({ ZHKH_BULK_WRITES: 'many' })).toThrow(/ZHKH_BULK_WRITES/);
  });
});
