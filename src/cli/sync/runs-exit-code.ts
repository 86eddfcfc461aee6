import type { RunLike } from './run-like.js';

/** 0 when every run succeeded, 1 when any failed or was cancelled (or none ran), else 2 (partial). */
export function runsExitCode(runs: ReadonlyArray<Pick<RunLike, 'state'>>): number {
  if (runs.length === 0) return 1;
  if (runs.some((r) => r.state !== 'succeeded' && r.state !== 'partial')) return 1;
  return runs.some((r) => r.state === 'partial') ? 2 : 0;
}
