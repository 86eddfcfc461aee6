import { ProgressReporter, type ProgressReporterOptions } from '../progress-reporter.js';
import { isFinal, type RunLike } from './run-like.js';

/**
 * Progress of one run (processed = sent + unchanged + failed, of `planned`). The run learns its
 * plan only once it starts, so the bar starts with the first snapshot that has one. The last line
 * names the run's final state unless it succeeded.
 */
export class RunProgress {
  private readonly reporter: ProgressReporter;
  private started = false;

  constructor(
    private readonly label: string,
    opts: ProgressReporterOptions = {},
  ) {
    this.reporter = new ProgressReporter(opts);
  }

  show(run: RunLike): void {
    if (!this.started && (run.planned !== null || isFinal(run))) {
      this.started = true;
      this.reporter.start(this.label, run.planned ?? undefined);
    }
    const processed = run.sent + run.unchanged + run.failed;
    // The plan counts outbound records; what a run pulls in shows in the count and the rate.
    this.reporter.update(processed, { records: processed + run.received, rejected: run.failed });
    if (!isFinal(run)) return;
    // Only a run that did all its work ends at 100%; any other says how it ended and why.
    if (run.state === 'succeeded') this.stop();
    else this.reporter.fail(run.state, run.lastError ?? undefined);
  }

  /** Idempotent; leaves no timer behind. */
  stop(): void {
    this.reporter.stop();
  }
}
