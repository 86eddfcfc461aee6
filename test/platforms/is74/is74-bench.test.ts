import { describe, expect, it } from 'vitest';
import { runIs74Bench } from '../../../src/bench/is74-bench.js';

describe('npm run bench -- is74 (tiny size: it runs, no timing asserted)', () => {
  it('measures the served route beside the bare one and prints BENCH lines', async () => {
    const lines: string[] = [];
    const [r] = await runIs74Bench({
      contracts: 60,
      seconds: 0.4,
      concurrency: 2,
      log: (l) => lines.push(l),
    });
    expect(r!.ours).toBeGreaterThan(0);
    expect(r!.bare).toBeGreaterThan(0);
    expect(r!.cold).toBeGreaterThan(0);
    // A new connection's first run calls nobody back.
    expect(r!.firstCallbacks).toBe(0);
    expect(
      lines.filter((l) => l.startsWith('BENCH name=is74')).map((l) => /metric=(\S+)/.exec(l)?.[1]),
    ).toEqual([
      'contracts_by_user_rps_pglite',
      'contracts_by_user_p99_pglite',
      'cold_req_per_s_pglite',
      'first_callbacks_pglite',
      'first_run_seconds_pglite',
      'change_callbacks_pglite',
    ]);
    // Each of the 30 users whose two contracts changed (with their balances) is called back once.
    expect(lines.find((l) => l.includes('metric=change_callbacks'))).toMatch(/ours=30 limit=60 /);
  });
});
