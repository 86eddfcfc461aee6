import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ThreadError, ThreadReply, ThreadRequest } from './pglite-thread-protocol.js';
import { makeDataDirPrivate } from './private-data-dir.js';

/**
 * The embedded database in a thread of its own (started by `PgliteRemote`): every statement runs
 * here, so the hub's thread parses requests, answers `/healthz` and talks to platforms while the
 * database works. One PGlite, one session, as before: a transaction holds PGlite's own lock until
 * the hub's thread says how it ends, so no other statement interleaves with it.
 */
const port = parentPort;
if (!port) throw new Error('pglite-thread runs as a worker thread only');
const { dataDir } = workerData as { dataDir: string | undefined };

// The privacy guard patches this thread's `fs`, which PGlite's file layer calls here.
if (dataDir !== undefined) makeDataDirPrivate(dataDir);
const db = new PGlite(dataDir);
const ROLLBACK = new Error('rolled back by the caller');
const open = new Map<
  number,
  { tx?: Transaction; finish?: (commit: boolean) => void; settled: Promise<void> }
>();
const listeners = new Map<number, () => Promise<void>>();
let nextId = 1;

function errorOf(err: unknown): ThreadError {
  const e = (err ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const k of [
    'code',
    'detail',
    'hint',
    'constraint',
    'table',
    'column',
    'schema',
    'severity',
    'position',
  ])
    if (typeof e[k] === 'string') fields[k] = e[k] as string;
  return { message: String(e.message ?? err), name: String(e.name ?? 'Error'), fields };
}

/** drizzle's identity parsers (date and time types kept as text), named by type id. */
function optionsFor(rowMode: 'array' | 'object' | undefined, rawTypes: number[] | undefined) {
  if (!rowMode && !rawTypes) return undefined;
  const parsers: Record<number, (v: string) => string> = {};
  for (const t of rawTypes ?? []) parsers[t] = (v) => v;
  return { ...(rowMode ? { rowMode } : {}), parsers };
}

function target(tx: number | undefined): PGlite | Transaction {
  if (tx === undefined) return db;
  const t = open.get(tx)?.tx;
  if (!t) throw new Error(`transaction ${tx} is not open`);
  return t;
}

async function begin(): Promise<number> {
  const id = nextId++;
  let started!: () => void;
  const began = new Promise<void>((r) => {
    started = r;
  });
  const entry: { tx?: Transaction; finish?: (commit: boolean) => void; settled: Promise<void> } = {
    settled: Promise.resolve(),
  };
  entry.settled = db.transaction(
    (tx) =>
      new Promise<void>((commit, rollback) => {
        entry.tx = tx;
        entry.finish = (ok) => (ok ? commit() : rollback(ROLLBACK));
        started();
      }),
  );
  open.set(id, entry);
  // BEGIN itself may fail; then the transaction settles without ever starting.
  await Promise.race([
    began,
    entry.settled.then(() => Promise.reject(new Error('transaction did not start'))),
  ]);
  return id;
}

async function end(tx: number, commit: boolean): Promise<null> {
  const entry = open.get(tx);
  if (!entry) return null;
  entry.finish?.(commit);
  try {
    await entry.settled;
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  } finally {
    open.delete(tx);
  }
  return null;
}

async function handle(m: ThreadRequest): Promise<unknown> {
  switch (m.op) {
    case 'ready':
      await db.waitReady;
      return null;
    case 'query':
      return target(m.tx).query(m.text, m.params ?? [], optionsFor(m.rowMode, m.rawTypes));
    case 'exec':
      return target(m.tx).exec(m.text);
    case 'begin':
      return begin();
    case 'end':
      return end(m.tx, m.commit);
    case 'listen': {
      const id = nextId++;
      const stop = await db.listen(m.channel, (payload) =>
        port?.postMessage({ id: 0, notify: { listener: id, payload } }),
      );
      listeners.set(id, stop);
      return id;
    }
    case 'unlisten':
      await listeners.get(m.listener)?.();
      listeners.delete(m.listener);
      return null;
    case 'close':
      await db.close();
      return null;
  }
}

port.on('message', (m: ThreadRequest) => {
  handle(m).then(
    (value) => port.postMessage({ id: m.id, ok: true, value } satisfies ThreadReply),
    (err) => port.postMessage({ id: m.id, ok: false, error: errorOf(err) } satisfies ThreadReply),
  );
});
