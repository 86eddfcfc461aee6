import type { RunLike } from './run-like.js';
import { runSummaryLine } from './run-summary-line.js';
import { runsExitCode } from './runs-exit-code.js';

/** Prints a summary line per run on stdout and sets the exit code (0 / 2 partial / 1 failed). */
export function reportRuns(runs: readonly RunLike[], names: ReadonlyMap<string, string> = new Map()): void {
  for (const run of runs) console.log(runSummaryLine(run, names.get(run.connectionId)));
  process.exitCode = runsExitCode(runs);
}
