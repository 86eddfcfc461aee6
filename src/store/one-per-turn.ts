/**
 * Runs callbacks one per turn of the event loop, small answers first. The embedded database's
 * thread answers in bursts — every statement that finished while the hub's thread was busy arrives
 * at once — and Node delivers a burst of worker messages in one go, each continuation (a response
 * to encode and write) right after its message. Thirty answers meant 30 ms in which the hub could
 * not even read `/healthz`. One answer per turn lets it read its sockets between them.
 *
 * When the hub's thread is the busy part (PostgreSQL, two cores), answers wait here, and a
 * single-record read would wait behind pages of 100 and bulk writes' 500-row answers, each many
 * times its cost to finish. So an answer of at most one row (or an error) goes ahead of larger ones —
 * shortest job first — but at most `SMALL_IN_A_ROW` in a row while a larger one waits, so a stream of
 * small answers never holds a page back for long.
 */
export class OnePerTurn {
  static readonly SMALL_IN_A_ROW = 8;
  readonly #small = new Lane();
  readonly #large = new Lane();
  #smallInARow = 0;
  #armed = false;

  /** Whether a query's answer is small (see the class): an error, or a result of at most one row. */
  static isSmall(result: unknown, failed = false): boolean {
    if (failed) return true;
    const rows = (result as { rows?: unknown } | null | undefined)?.rows;
    return !Array.isArray(result) && (!Array.isArray(rows) || rows.length <= 1);
  }

  run(fn: () => void, small = false): void {
    (small ? this.#small : this.#large).push(fn);
    if (!this.#armed) {
      this.#armed = true;
      setImmediate(this.#step);
    }
  }

  readonly #step = (): void => {
    const takeSmall =
      !this.#small.empty && (this.#large.empty || this.#smallInARow < OnePerTurn.SMALL_IN_A_ROW);
    this.#smallInARow = takeSmall ? this.#smallInARow + 1 : 0;
    const fn = (takeSmall ? this.#small : this.#large).shift();
    // Queued from inside a check phase, so the next runs in the next turn, after the sockets are polled.
    if (this.#small.empty && this.#large.empty) this.#armed = false;
    else setImmediate(this.#step);
    fn();
  };
}

/** A FIFO of callbacks that does not shift an array on every take. */
class Lane {
  #items: (() => void)[] = [];
  #head = 0;

  get empty(): boolean {
    return this.#head === this.#items.length;
  }

  push(fn: () => void): void {
    this.#items.push(fn);
  }

  shift(): () => void {
    const fn = this.#items[this.#head++]!;
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    }
    return fn;
  }
}
