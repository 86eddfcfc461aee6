import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bench = join(root, 'dist/bench/main.js');

// The harness must keep working; what it measures is never asserted (benchmarks are not tests).
describe.runIf(existsSync(bench))('ingest bench harness', () => {
  it('prints one BENCH line per measurement with a ratio against the raw limit', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, [bench, 'ingest', '--accounts', '300', '--batch', '100'], {
      encoding: 'utf8',
      env,
      // Seven phases, each a process starting its own store: generous, for a shared, loaded machine.
      timeout: 600_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('BENCH '));
    expect(lines.map((l) => /metric=(\S+)/.exec(l)?.[1])).toEqual([
      'pglite_api_records_per_s',
      'pglite_api_peak_rss',
      'pglite_import_records_per_s',
      'pglite_import_peak_rss',
      'import_1c_records_per_s_pglite',
    ]);
    for (const l of lines) {
      expect(l).toMatch(/^BENCH name=ingest metric=\S+ ours=[\d.]+ limit=[\d.]+ ratio=\d+\.\d{3} unit=\S+$/);
    }
  }, 600_000);
});
