import cliProgress from 'cli-progress';

export interface ProgressExtra {
  /** Records read so far (the rate is computed from these, not from the units of `done`). */
  records?: number;
  rejected?: number;
}

export interface ProgressReporterOptions {
  /** Where to draw; stderr by default so that stdout stays clean for summaries and pipes. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Force bar (true) or plain lines (false); by default a bar exactly when the stream is a TTY. */
  tty?: boolean;
  /** Plain mode prints at most one line per this many ms (logs of cron jobs stay short). */
  intervalMs?: number;
  /** false = print nothing at all (tests, --quiet). */
  enabled?: boolean;
  now?: () => number;
}

/**
 * Progress of one long piece of CLI work at a time. On a terminal a cli-progress bar; in logs and
 * pipes a plain line every couple of seconds ("import accounts.ndjson: 45% 12000 records, 3 rejected,
 * 5400 rec/s") and a final one. No timer survives `stop()`, so it never keeps the process alive.
 */
export class ProgressReporter {
  private readonly stream: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly tty: boolean;
  private readonly intervalMs: number;
  private readonly enabled: boolean;
  private readonly now: () => number;
  private bar: cliProgress.SingleBar | undefined;
  private label = '';
  private total: number | undefined;
  private done = 0;
  private records: number | undefined;
  private rejected = 0;
  private startedAt = 0;
  private lastPrintAt = 0;
  private running = false;

  constructor(opts: ProgressReporterOptions = {}) {
    this.stream = opts.stream ?? process.stderr;
    this.tty = opts.tty ?? this.stream.isTTY === true;
    this.intervalMs = opts.intervalMs ?? 2000;
    this.enabled = opts.enabled ?? true;
    this.now = opts.now ?? Date.now;
  }

  /** Begins a new task; `total` is in the units later passed to `update` (bytes, records…), if known. */
  start(label: string, total?: number): void {
    if (this.running) this.stop();
    this.running = true;
    this.label = label;
    this.total = total !== undefined && total > 0 ? total : undefined;
    this.done = 0;
    this.records = undefined;
    this.rejected = 0;
    this.startedAt = this.now();
    this.lastPrintAt = this.startedAt;
    if (!this.enabled || !this.tty) return;
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format:
          this.total === undefined
            ? '{label} {records} records | {rejected} rejected | {rate} rec/s'
            : '{label} [{bar}] {percentage}% | {records} records | {rejected} rejected | {rate} rec/s | ETA {eta_formatted}',
        // Left visible: a Ctrl-C would otherwise leave the terminal without a cursor.
        hideCursor: false,
        fps: 5,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(this.total ?? 1, 0, this.payload());
  }

  update(done: number, extra: ProgressExtra = {}): void {
    if (!this.running) return;
    this.done = done;
    if (extra.records !== undefined) this.records = extra.records;
    if (extra.rejected !== undefined) this.rejected = extra.rejected;
    if (!this.enabled) return;
    if (this.bar) {
      // The bar redraws on its own clock (fps), so calling this for every record is cheap.
      this.bar.update(this.total === undefined ? 0 : Math.min(done, this.total), this.payload());
      return;
    }
    const t = this.now();
    if (t - this.lastPrintAt < this.intervalMs) return;
    this.lastPrintAt = t;
    this.stream.write(`${this.line()}\n`);
  }

  /** Ends the task: removes the bar's timer and prints `summaryLine`, or a final progress line. */
  stop(summaryLine?: string): void {
    this.end(true, summaryLine);
  }

  /**
   * Ends a task that did not complete (a failed or cancelled run): the bar stays where it got to,
   * and the final line says `outcome` instead of claiming 100%, e.g.
   * "run 7 doma: failed at 40% 19 records, 0 rejected, 12 rec/s in 1.2 s — auth_rejected: …".
   */
  fail(outcome: string, detail?: string): void {
    if (!this.running) return;
    const seconds = ((this.now() - this.startedAt) / 1000).toFixed(1);
    const line = `${this.label}: ${outcome} at ${this.body()} in ${seconds} s${detail ? ` — ${detail}` : ''}`;
    this.end(false, line);
  }

  private end(complete: boolean, summaryLine: string | undefined): void {
    if (!this.running) return;
    this.running = false;
    if (this.bar) {
      if (complete && this.total !== undefined) this.bar.update(this.total, this.payload());
      this.bar.stop();
      this.bar = undefined;
    }
    if (!this.enabled) return;
    const seconds = ((this.now() - this.startedAt) / 1000).toFixed(1);
    this.stream.write(`${summaryLine ?? `${this.line(true)} in ${seconds} s`}\n`);
  }

  private rate(): number {
    const seconds = (this.now() - this.startedAt) / 1000;
    return seconds > 0 ? Math.round((this.records ?? this.done) / seconds) : 0;
  }

  private payload() {
    return {
      label: this.label,
      records: this.records ?? this.done,
      rejected: this.rejected,
      rate: this.rate(),
    };
  }

  private line(final = false): string {
    return `${this.label}: ${this.body(final)}`;
  }

  private body(final = false): string {
    const parts: string[] = [];
    if (this.total !== undefined) {
      const pct = final ? 100 : Math.min(100, Math.floor((this.done / this.total) * 100));
      parts.push(`${pct}%`);
    }
    const count =
      this.records === undefined
        ? `${this.done}${this.total === undefined ? '' : `/${this.total}`}`
        : `${this.records} records, ${this.rejected} rejected, ${this.rate()} rec/s`;
    parts.push(count);
    return parts.join(' ');
  }
}
