import { describe, expect, it } from 'vitest';
import { percentile, runApiBench } from '../../src/bench/api-bench.js';

// The harness must keep working; what it measures is never asserted (benchmarks are not tests).
describe('api bench harness', () => {
  it('takes the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
  });

  it('prints a throughput line and a p99 line per route with finite positive figures', async () => {
    const lines: string[] = [];
    const figures = await runApiBench({
      records: 600,
      clients: 4,
      seconds: 1,
      batch: 50,
      idleSamples: 5,
      log: (l) => lines.push(l),
    });
    expect(figures.map((f) => f.driver)).toEqual(['pglite']);
    for (const route of ['read', 'page', 'bulk'] as const)
      expect(figures[0]!.requests[route]).toBeGreaterThan(0);
    const bench = lines.filter((l) => l.startsWith('BENCH '));
    expect(bench.map((l) => /metric=(\S+)/.exec(l)?.[1])).toEqual([
      'mixed_req_per_s_pglite',
      'health_p99_ms_pglite',
      'read_p99_ms_pglite',
      'page_p99_ms_pglite',
      'bulk_p99_ms_pglite',
    ]);
    for (const l of bench) {
      const m = /^BENCH name=api metric=\S+ ours=(\S+) limit=(\S+) ratio=(\d+\.\d{3}) unit=(\S+)$/.exec(l);
      expect(m, l).not.toBeNull();
      for (const v of [m![1], m![2], m![3]]) {
        const x = Number(v);
        expect(Number.isFinite(x) && x > 0, `${v} in ${l}`).toBe(true);
      }
    }
    expect(bench[0]).toMatch(/unit=req\/s$/);
    expect(bench.slice(1).every((l) => l.endsWith('unit=ms'))).toBe(true);
  });
});
