import { describe, expect, it } from 'vitest';
import { runDomcontrolBench } from '../../../src/bench/domcontrol-bench.js';

// The harness must keep working (it checks the sandbox holds everything and that the re-sync sent
// nothing); what it measures is never asserted.
describe('domcontrol bench harness', () => {
  it('delivers everything, re-syncs with no request, and prints its BENCH lines', async () => {
    const lines: string[] = [];
    const figures = await runDomcontrolBench({
      accounts: 150,
      latencyMs: 0,
      inProcess: true,
      log: (l) => lines.push(l),
    });
    expect(figures).toEqual([expect.objectContaining({ driver: 'pglite', records: 4 * 150 + 5 })]);
    expect(
      lines.some((l) =>
        /unchanged re-sync \(fastest of 3\): .* 0 requests to DomControl, 605 unchanged/.test(l),
      ),
    ).toBe(true);
    const bench = lines.filter((l) => l.startsWith('BENCH '));
    expect(bench).toHaveLength(3);
    expect(bench[0]).toMatch(
      /^BENCH name=domcontrol metric=records_per_s_pglite ours=\S+ limit=\S+ ratio=\d+\.\d{3} unit=records\/s$/,
    );
    expect(bench[1]).toMatch(
      /^BENCH name=domcontrol metric=noop_seconds_pglite ours=\S+ limit=\S+ ratio=\S+ unit=s$/,
    );
    expect(bench[2]).toMatch(
      /^BENCH name=domcontrol metric=noop_growth_pglite ours=\S+ limit=\S+ ratio=\S+ unit=s$/,
    );
    // Two stores and two engine passes each (the growth measure): room on a loaded 2-core machine.
  }, 420_000);
});
