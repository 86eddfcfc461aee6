import { describe, expect, it } from 'vitest';
import { runUzhkhBench } from '../../../src/bench/uzhkh-bench.js';

describe('uzhkh bench harness', () => {
  it('drains the queue both ways and prints a BENCH line with finite positive figures', async () => {
    const lines: string[] = [];
    const [f] = await runUzhkhBench({ records: 300, latencyMs: 0, log: (l) => lines.push(l) });
    expect(f!.rawPerSecond).toBeGreaterThan(0);
    expect(f!.enginePerSecond).toBeGreaterThan(0);
    const bench = lines.find((l) => l.startsWith('BENCH '));
    expect(bench).toMatch(
      /^BENCH name=uzhkh_pglite_latency0 metric=queue_records_per_s ours=\d+ limit=\d+ ratio=\d+\.\d{3} unit=records\/s$/,
    );
    await expect(runUzhkhBench({ records: 0, latencyMs: 0, log: () => {} })).rejects.toThrow(/--records/);
  }, 60_000);
});
