/** Keys asked for in one statement at most. */
const MAX_BATCH = 256;

interface Waiter<V> {
  resolve(v: V | undefined): void;
  reject(err: unknown): void;
}

/**
 * Gathers the keys asked for in one turn of the event loop and loads them with one call: the first
 * reads of a wave of requests cost one statement together instead of one each.
 */
export class BatchLoader<V> {
  private waiting = new Map<string, Array<Waiter<V>>>();

  constructor(private readonly loadMany: (keys: string[]) => Promise<Map<string, V>>) {}

  load(key: string): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      if (this.waiting.size === 0) setImmediate(() => this.flush());
      this.waiting.set(key, [...(this.waiting.get(key) ?? []), { resolve, reject }]);
    });
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = new Map();
    const keys = [...waiting.keys()];
    for (let i = 0; i < keys.length; i += MAX_BATCH) {
      const part = keys.slice(i, i + MAX_BATCH);
      const each = (f: (w: Waiter<V>, k: string) => void) => {
        for (const k of part) for (const w of waiting.get(k)!) f(w, k);
      };
      this.loadMany(part).then(
        (found) => each((w, k) => w.resolve(found.get(k))),
        (err) => each((w) => w.reject(err)),
      );
    }
  }
}
