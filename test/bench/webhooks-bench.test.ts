import { describe, expect, it } from 'vitest';
import { runWebhooksBench } from '../../src/bench/webhooks-bench.js';

// The harness must keep working; what it measures is never asserted (benchmarks are not tests).
describe('webhooks bench harness', () => {
  it('prints events/s and lag BENCH lines with finite positive figures', async () => {
    const lines: string[] = [];
    await runWebhooksBench({ events: 600, batch: 50, lagSamples: 5, log: (l) => lines.push(l) });
    const bench = lines.filter((l) => l.startsWith('BENCH '));
    expect(bench.map((l) => /metric=(\S+)/.exec(l)?.[1])).toEqual([
      'events_per_s_pglite',
      'lag_p50_ms_pglite',
      'lag_p99_ms_pglite',
    ]);
    for (const l of bench) {
      const m = /^BENCH name=webhooks metric=\S+ ours=(\S+) limit=(\S+) ratio=(\d+\.\d{3}) unit=(\S+)$/.exec(
        l,
      );
      expect(m, l).not.toBeNull();
      for (const v of [m![1], m![2], m![3]])
        expect(Number(v) > 0 && Number.isFinite(Number(v)), l).toBe(true);
    }
  });
});
