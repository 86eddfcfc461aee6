import { describe, expect, it } from 'vitest';
import { measureScaleOut } from '../../src/bench/scale-out.js';

const serverUrl = process.env.TEST_DATABASE_URL;

/**
 * Two `worker` processes on PostgreSQL share the runs of four connections. Correctness is asserted
 * (no batch delivered twice: every record written once per phase); the throughput ratio is printed,
 * not asserted — timings on shared machines are for `npm run bench -- workers`.
 */
describe.skipIf(!serverUrl)('two worker processes on PostgreSQL', () => {
  it('deliver every batch once between them', async () => {
    const lines: string[] = [];
    const r = await measureScaleOut({
      serverUrl: serverUrl!,
      connections: 4,
      records: 2000,
      latencyMs: 20,
      batch: 100,
      log: (l) => lines.push(l),
    });
    for (const run of r.runs)
      lines.push(
        `  run ${run.id}: created ${run.createdAt} started ${run.startedAt} finished ${run.finishedAt}`,
      );
    expect(r.runs).toHaveLength(8);
    expect(r.writesPerRecord).toHaveLength(4 * 2000);
    expect(r.writesPerRecord.every((w) => w === 2)).toBe(true);
    expect(r.runs.every((run) => run.sent === 2000 && run.requests === 20)).toBe(true);
    console.log(
      `${lines.join('\n')}\n  two workers: ${(r.oneWorkerSeconds / r.twoWorkersSeconds).toFixed(2)}× one worker's throughput`,
    );
  }, 300_000);
});

describe.skipIf(!!serverUrl)('two worker processes on PostgreSQL', () => {
  it.skip('needs PostgreSQL: set TEST_DATABASE_URL (pg-boss workers share runs only through a server)', () => {});
});
