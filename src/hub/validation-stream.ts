import type { ValidatedChunk, ValidatedChunks } from '../store/ingest-records.js';
import type { ValidatedRecords } from '../store/record-validation.js';

/**
 * The chunks of one body as a bulk-body thread sends them, for ingestValidated: `push` as they
 * arrive, `finish` with the answers, or `fail` — which rejects the chunk awaited and any after it.
 */
export class ValidationStream implements ValidatedChunks {
  readonly #ready: ValidatedChunk[] = [];
  #waiter: { resolve: (c: ValidatedChunk | undefined) => void; reject: (e: Error) => void } | undefined;
  #ended = false;
  #error: Error | undefined;
  #settle!: { resolve: (v: ValidatedRecords) => void; reject: (e: Error) => void };
  readonly done = new Promise<ValidatedRecords>((resolve, reject) => {
    this.#settle = { resolve, reject };
  });

  constructor() {
    this.done.catch(() => {}); // a refused body is reported by next(); nobody may await done then
  }

  push(chunk: ValidatedChunk): void {
    if (this.#waiter) this.#take()!.resolve(chunk);
    else this.#ready.push(chunk);
  }

  finish(answers: ValidatedRecords): void {
    this.#ended = true;
    this.#settle.resolve(answers);
    this.#take()?.resolve(undefined);
  }

  fail(err: Error): void {
    this.#error = err;
    this.#settle.reject(err);
    this.#take()?.reject(err);
  }

  next(): Promise<ValidatedChunk | undefined> {
    const chunk = this.#ready.shift();
    if (chunk) return Promise.resolve(chunk);
    if (this.#error) return Promise.reject(this.#error);
    if (this.#ended) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  #take() {
    const w = this.#waiter;
    this.#waiter = undefined;
    return w;
  }
}
