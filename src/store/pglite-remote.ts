import { Worker } from 'node:worker_threads';
import { OnePerTurn } from './one-per-turn.js';
import type { ThreadError, ThreadReply, ThreadRequest } from './pglite-thread-protocol.js';
import { workerFile } from './worker-file.js';

type Req = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, unknown>;
}
export interface RemoteResults {
  rows: unknown[];
  fields?: unknown[];
  affectedRows?: number;
}

/** PostgreSQL's error as the driver threw it, with its fields (code 23505, constraint…). */
function toError(e: ThreadError): Error {
  return Object.assign(new Error(e.message), { name: e.name }, e.fields);
}

/**
 * The part of PGlite's interface that drizzle, pg-boss's adapter and our fixed reads use, answered
 * by a PGlite in a worker thread (`pglite-thread.ts`). Statements still run one at a time on one
 * session, in the order they are sent; a transaction is a handle whose statements go to the same
 * PGlite transaction, which blocks every other statement until it ends.
 */
export class PgliteRemote {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #listeners = new Map<number, (payload: string) => void>();
  readonly #answers = new OnePerTurn();
  #nextId = 1;
  #dead: Error | undefined;
  readonly waitReady: Promise<void>;

  constructor(dataDir: string | undefined) {
    this.#worker = new Worker(workerFile(import.meta.url, 'pglite-thread'), { workerData: { dataDir } });
    this.#worker.on('message', (m: ThreadReply) => this.#onReply(m));
    this.#worker.on('error', (err) => this.#fail(err));
    this.#worker.on('exit', (code) =>
      this.#fail(new Error(`the embedded database's thread ended (exit ${code})`)),
    );
    this.waitReady = this.#call({ op: 'ready' }).then(() => undefined);
  }

  #onReply(m: ThreadReply): void {
    if ('notify' in m) {
      this.#listeners.get(m.notify.listener)?.(m.notify.payload);
      return;
    }
    const p = this.#pending.get(m.id);
    if (!p) return;
    this.#pending.delete(m.id);
    this.#answers.run(
      () => (m.ok ? p.resolve(m.value) : p.reject(toError(m.error))),
      OnePerTurn.isSmall(m.ok ? m.value : undefined, !m.ok),
    );
  }

  #fail(err: Error): void {
    this.#dead ??= err;
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }

  #call(req: Req): Promise<unknown> {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...req, id });
    });
  }

  query<T = unknown>(
    text: string,
    params?: unknown[],
    opts?: QueryOptions,
    tx?: number,
  ): Promise<RemoteResults & { rows: T[] }> {
    const rawTypes = opts?.parsers ? Object.keys(opts.parsers).map(Number) : undefined;
    return this.#call({ op: 'query', tx, text, params, rowMode: opts?.rowMode, rawTypes }) as Promise<
      RemoteResults & { rows: T[] }
    >;
  }

  exec(text: string, tx?: number): Promise<RemoteResults[]> {
    return this.#call({ op: 'exec', tx, text }) as Promise<RemoteResults[]>;
  }

  async transaction<T>(fn: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    const id = (await this.#call({ op: 'begin' })) as number;
    let result: T;
    try {
      result = await fn(new RemoteTransaction(this, id));
    } catch (err) {
      await this.#call({ op: 'end', tx: id, commit: false }).catch(() => {});
      throw err;
    }
    await this.#call({ op: 'end', tx: id, commit: true });
    return result;
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    const listener = (await this.#call({ op: 'listen', channel })) as number;
    this.#listeners.set(listener, onPayload);
    return async () => {
      this.#listeners.delete(listener);
      await this.#call({ op: 'unlisten', listener }).catch(() => {});
    };
  }

  async close(): Promise<void> {
    try {
      if (!this.#dead) await this.#call({ op: 'close' });
    } finally {
      await this.#worker.terminate();
    }
  }
}

/** A transaction's statements, sent to the open PGlite transaction `id`. */
export class RemoteTransaction {
  constructor(
    private readonly remote: PgliteRemote,
    readonly id: number,
  ) {}
  query<T = unknown>(text: string, params?: unknown[], opts?: QueryOptions) {
    return this.remote.query<T>(text, params, opts, this.id);
  }
  exec(text: string) {
    return this.remote.exec(text, this.id);
  }
}
