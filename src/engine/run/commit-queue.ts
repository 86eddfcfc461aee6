/**
 * Commits of delivered batches, one after another, behind the requests. The next request goes out
 * while the previous batch's outcomes are being written — the platform's time and the store's
 * overlap instead of taking turns — yet the commits keep their order and a stream ends only when
 * all of them are in. A failed commit fails the stream (the records are simply sent again next
 * run: delivery is at least once and platforms upsert by key).
 */
export class CommitQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private failure: unknown;
  /** Records of this pass given up as dead letters: not confirmed, so the pass is not complete. */
  deadLetters = 0;
  /** Records of this pass the platform confirmed (a dependent stream's refusals may heal). */
  delivered = 0;

  constructor(private readonly maxPending = 2) {}

  add(commit: () => Promise<void>): void {
    this.pending++;
    this.tail = this.tail.then(async () => {
      try {
        if (this.failure === undefined) await commit();
      } catch (err) {
        this.failure ??= err;
      } finally {
        this.pending--;
      }
    });
  }

  /** Waits while too many commits are queued, so memory stays bounded when the store is the slow side. */
  async room(): Promise<void> {
    while (this.pending >= this.maxPending) await this.tail;
    if (this.failure !== undefined) throw this.failure;
  }

  /** Waits for every queued commit; throws the first commit failure. */
  async flush(): Promise<void> {
    await this.tail;
    if (this.failure !== undefined) throw this.failure;
  }
}
