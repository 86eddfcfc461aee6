import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerFile } from '../store/worker-file.js';
import type { BulkBodyReply } from './bulk-body-protocol.js';
import type { DeferredBody } from './deferred-body.js';
import { HttpError } from './http-error.js';
import { ValidationStream } from './validation-stream.js';

/**
 * Threads for bulk bodies by default: one core fewer than the machine has (the hub's own thread
 * keeps one), at least one, at most four; `ZHKH_BULK_THREADS` overrides (0: on the hub's thread).
 */
export function bulkThreadsOf(env: NodeJS.ProcessEnv): number {
  const given = env.ZHKH_BULK_THREADS;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0 || n > 64)
      throw new Error(`ZHKH_BULK_THREADS must be a whole number from 0 to 64, not "${given}"`);
    return n;
  }
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Slot {
  worker: Worker;
  pending: Map<number, ValidationStream>;
}

/**
 * Parses and validates large bulk bodies in worker threads, so that the hub's event loop — which
 * answers /healthz and single-record reads — never spends a long turn on 10,000 records. A body
 * goes to the thread with the fewest waiting; threads start on first use and a thread that dies
 * fails only its own bodies (the next body starts a new one).
 */
export class BulkBodyPool {
  readonly #slots: Array<Slot | undefined>;
  #nextId = 1;
  #closed = false;

  constructor(readonly size: number) {
    this.#slots = new Array(size).fill(undefined);
  }

  /** Starts every thread now (`serve`): the first large body then finds them loaded and warm. */
  start(): void {
    for (let i = 0; i < this.#slots.length; i++) this.#slots[i] ??= this.#start(i);
  }

  /** The body's chunks as the thread validates them (see ingestValidated). */
  validate(kind: string, body: DeferredBody, maxRecords: number): ValidationStream {
    const stream = new ValidationStream();
    if (this.#closed) {
      stream.fail(new Error('the hub is closing'));
      return stream;
    }
    const slot = this.#pick();
    const id = this.#nextId++;
    slot.pending.set(id, stream);
    slot.worker.postMessage({ id, kind, body: body.bytes, ndjson: body.ndjson, maxRecords });
    return stream;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s?.worker.terminate()));
  }

  #pick(): Slot {
    let best = -1;
    for (let i = 0; i < this.#slots.length; i++) {
      const s = this.#slots[i];
      if (!s) {
        this.#slots[i] = this.#start(i);
        return this.#slots[i]!;
      }
      if (best < 0 || s.pending.size < this.#slots[best]!.pending.size) best = i;
    }
    return this.#slots[best]!;
  }

  #start(index: number): Slot {
    const worker = new Worker(workerFile(import.meta.url, 'bulk-body-thread'));
    worker.unref(); // an idle pool never keeps a process alive; close() ends it properly
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (m: BulkBodyReply) => {
      const stream = slot.pending.get(m.id);
      if (!stream) return;
      if ('chunk' in m) return stream.push(m.chunk);
      slot.pending.delete(m.id);
      if ('done' in m) stream.finish(m.done);
      else if (m.error.statusCode && m.error.code)
        stream.fail(new HttpError(m.error.statusCode, m.error.code, m.error.message, m.error.details));
      else stream.fail(new Error(`bulk body thread: ${m.error.message}`));
    });
    const fail = (err: Error) => {
      if (this.#slots[index] === slot) this.#slots[index] = undefined;
      for (const stream of slot.pending.values()) stream.fail(err);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a bulk body thread ended (exit ${code})`)));
    return slot;
  }
}
