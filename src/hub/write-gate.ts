/**
 * Lets at most `limit` bulk writes work at once; the others wait their turn here, in arrival
 * order, before any of their work starts. Bulk writes are what saturates a small machine (their
 * validation, the database's upserts); reads and `/healthz` do not pass the gate, so however many
 * clients write at once, a read waits for at most `limit` writes' work, not for all of them.
 */
export class WriteGate {
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active++;
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }

  /** Writes waiting for their turn (not exported as a metric yet). */
  get queued(): number {
    return this.#waiting.length;
  }
}

/** `ZHKH_BULK_WRITES`: bulk writes at once per hub process (default 2). */
export function bulkWritesOf(env: NodeJS.ProcessEnv): number {
  const given = env.ZHKH_BULK_WRITES;
  if (given === undefined || given === '') return 2;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`ZHKH_BULK_WRITES must be a whole number from 1 to 1000, not "${given}"`);
  return n;
}
