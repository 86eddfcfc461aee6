/**
 * Runs callbacks in the order given, one per turn of the event loop. The embedded database's
 * thread answers in bursts — every statement that finished while the hub's thread was busy arrives
 * at once — and Node delivers a burst of worker messages in one go, each continuation (a response
 * to encode and write) right after its message. Thirty answers meant 30 ms in which the hub could
 * not even read `/healthz`. One answer per turn lets it read its sockets between them.
 */
export class OnePerTurn {
  #queue: (() => void)[] = [];
  #head = 0;
  #armed = false;

  run(fn: () => void): void {
    this.#queue.push(fn);
    if (!this.#armed) {
      this.#armed = true;
      setImmediate(this.#step);
    }
  }

  readonly #step = (): void => {
    const fn = this.#queue[this.#head++]!;
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
      this.#armed = false;
    } else {
      // Queued from inside a check phase, so it runs in the next turn, after the sockets are polled.
      setImmediate(this.#step);
    }
    fn();
  };
}
