import { describe, expect, it } from 'vitest';
import { runDeliverBench } from '../../src/bench/deliver-bench.js';

// The harness must keep working; what it measures is never asserted (benchmarks are not tests).
describe('deliver bench harness', () => {
  it('prints records/s, no-op seconds and no-op growth BENCH lines with finite positive figures', async () => {
    const lines: string[] = [];
    const figures = await runDeliverBench({ records: 3000, latencyMs: 0, log: (l) => lines.push(l) });
    expect(figures.map((f) => f.driver)).toEqual(['pglite']);
    const bench = lines.filter((l) => l.startsWith('BENCH '));
    expect(bench.map((l) => /metric=(\S+)/.exec(l)?.[1])).toEqual([
      'records_per_s_pglite',
      'noop_seconds_pglite',
      'noop_growth_pglite',
    ]);
    for (const l of bench) {
      const m = /^BENCH name=deliver metric=\S+ ours=(\S+) limit=(\S+) ratio=(\d+\.\d{3}) unit=(\S+)$/.exec(
        l,
      );
      expect(m, l).not.toBeNull();
      for (const v of [m![1], m![2], m![3]]) {
        const x = Number(v);
        expect(Number.isFinite(x) && x > 0, `${v} in ${l}`).toBe(true);
      }
    }
    expect(bench[0]).toMatch(/unit=records\/s$/);
    expect(bench[1]).toMatch(/unit=s$/);
    expect(bench[2]).toMatch(/unit=s$/);
  });
});
