/**
 * A sandbox's pending delays (latency faults, hung answers). Closing the sandbox cancels them all,
 * so a test's `close()` never waits for an injected delay; the requests are cut with the sockets.
 */
export class SandboxTimers {
  private readonly pending = new Set<NodeJS.Timeout>();

  /** Runs `run` after `ms` unless cancelled first. */
  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      run();
    }, ms);
    this.pending.add(timer);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(ms, resolve));
  }

  cancelAll(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
