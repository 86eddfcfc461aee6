/** Samples the process's resident set size while a phase runs, to report its peak. */
export class RssSampler {
  #peak = 0;
  #timer: NodeJS.Timeout | undefined;

  start(): this {
    this.#peak = process.memoryUsage.rss();
    this.#timer = setInterval(() => {
      this.#peak = Math.max(this.#peak, process.memoryUsage.rss());
    }, 50);
    this.#timer.unref();
    return this;
  }

  /** Stops sampling and returns the peak in MiB. */
  stop(): number {
    clearInterval(this.#timer);
    this.#peak = Math.max(this.#peak, process.memoryUsage.rss());
    return Math.round(this.#peak / 1024 / 1024);
  }
}
