import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ThreadError, ThreadReply, ThreadRequest } from './pglite-thread-protocol.js';
import { PreparedQueries } from './prepared-queries.js';
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
const prepared = new PreparedQueries(db);
const ROLLBACK = new Error('rolled back by the caller');
/** A transaction the hub's thread has begun: PGlite's handle, how to end it, and its outcome. */
interface OpenTx {
  tx?: Transaction;
  finish?: (commit: boolean) => void;
  settled: Promise<void>;
}
const open = new Map<number, OpenTx>();
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
  const entry: OpenTx = { settled: Promise.resolve() };
  entry.settled = db.transaction(
    (tx) =>
      new Promise<void>((commit, rollback) => {
        entry.tx = tx;
        entry.finish = (ok) => (ok ? commit() : rollback(ROLLBACK));
        started();
      }),
  );
  open.set(id, entry);
  // BEGIN itself may fail; then the transaction settles without ever starting, and is forgotten.
  try {
    await Promise.race([
      began,
      entry.settled.then(() => Promise.reject(new Error('transaction did not start'))),
    ]);
  } catch (err) {
    open.delete(id);
    throw err;
  }
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
    case 'query': {
      const on = target(m.tx); // a transaction's statement: only while it is open
      const options = optionsFor(m.rowMode, m.rawTypes);
      // Statements run here one at a time (see `pump`), so a prepared one needs none of the locks
      // `query()` takes; inside a transaction it runs on the same session, as `tx.query` would.
      return PreparedQueries.accepts(m.text)
        ? prepared.query(m.text, m.params ?? [], options)
        : on.query(m.text, m.params ?? [], options);
    }
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

/**
 * One request at a time reaches PGlite, in an order chosen here: while a transaction is open only
 * its statements (nothing else could run anyway); otherwise plain reads before queued writes, so a
 * single-record read or a page waits for the statement running, not for every bulk write queued
 * ahead of it — what a PostgreSQL pool gives by running them side by side. A write is overtaken by
 * at most `MAX_OVERTAKE` reads in a row, so a steady stream of reads cannot hold writes back.
 */
const MAX_OVERTAKE = 16;
const READ = /^\s*(SELECT|EXECUTE)\b/i;
type Job = { m: ThreadRequest };
const inTx: Job[] = [];
const reads: Job[] = [];
const others: Job[] = [];
let openTx: number | undefined;
let overtaken = 0;
let busy = false;

function enqueue(m: ThreadRequest): void {
  if ((m.op === 'query' || m.op === 'exec') && m.tx !== undefined) inTx.push({ m });
  else if (m.op === 'end') inTx.push({ m });
  else if ((m.op === 'query' || m.op === 'exec') && READ.test(m.text)) reads.push({ m });
  else others.push({ m });
}

function pick(): Job | undefined {
  if (openTx !== undefined) return inTx.shift();
  // An end for a transaction no longer open (it failed to begin) answers at once.
  if (inTx.length > 0) return inTx.shift();
  if (reads.length > 0 && (others.length === 0 || overtaken < MAX_OVERTAKE)) {
    if (others.length > 0) overtaken++;
    return reads.shift();
  }
  overtaken = 0;
  return others.shift();
}

async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (let job = pick(); job; job = pick()) {
      const { m } = job;
      try {
        const value = await handle(m);
        if (m.op === 'begin') openTx = value as number;
        if (m.op === 'end' && m.tx === openTx) openTx = undefined;
        port?.postMessage({ id: m.id, ok: true, value } satisfies ThreadReply);
      } catch (err) {
        if (m.op === 'end' && m.tx === openTx) openTx = undefined;
        port?.postMessage({ id: m.id, ok: false, error: errorOf(err) } satisfies ThreadReply);
      }
      // PGlite answers in microtasks, so without this the loop would drain every queued write
      // before the requests that arrived meanwhile were even received: a read sent during a burst
      // of bulk writes would wait for all of them, not for the one running.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    busy = false;
  }
}

port.on('message', (m: ThreadRequest) => {
  enqueue(m);
  void pump();
});
