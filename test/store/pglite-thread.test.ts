import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/store/is-unique-violation.js';
import { openStore, pgliteInThread, type Store } from '../../src/store/open-store.js';
import { queryRows } from '../../src/store/query-rows.js';

/** Ticks of the event loop while `work` runs: how much else the hub's thread could do meanwhile. */
async function ticksDuring(work: Promise<unknown>): Promise<number> {
  let ticks = 0;
  let done = false;
  const spin = (async () => {
    while (!done) {
      await new Promise((r) => setImmediate(r));
      ticks++;
    }
  })();
  await work;
  done = true;
  await spin;
  return ticks;
}

describe('PGlite in a thread of its own (the embedded default for a data directory)', () => {
  let home: string;
  let store: Store;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'zb-thread-'));
    store = await openStore({ driver: 'pglite', dataDir: join(home, 'data') });
    await store.db.execute(sql`CREATE TABLE t (a int PRIMARY KEY, b text)`);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('is the default for a data directory, not for memory; the setting overrides both', () => {
    expect(store.raw.driver === 'pglite' && store.raw.client.constructor.name).toBe('PgliteRemote');
    expect(pgliteInThread('/x', {})).toBe(true);
    expect(pgliteInThread(undefined, {})).toBe(false);
    expect(pgliteInThread('/x', { ZHKH_PGLITE_THREAD: '0' })).toBe(false);
    expect(pgliteInThread(undefined, { ZHKH_PGLITE_THREAD: '1' })).toBe(true);
  });

  it("leaves the hub's thread free while a statement runs", async () => {
    const threaded = await ticksDuring(store.db.execute(sql`SELECT pg_sleep(0.5)`));
    const mem = await openStore({ driver: 'pglite', thread: false });
    try {
      const inline = await ticksDuring(mem.db.execute(sql`SELECT pg_sleep(0.5)`));
      // In the caller's thread the sleep holds the event loop: it turns only around the statement.
      expect(inline).toBeLessThan(5);
      expect(threaded).toBeGreaterThan(50);
    } finally {
      await mem.close();
    }
  });

  it('answers a read sent during a burst of writes after the write running, not after all of them', async () => {
    const done: string[] = [];
    const write = (i: number) =>
      store.db
        .execute(sql.raw('DO $$ BEGIN PERFORM pg_sleep(0.1); END $$'))
        .then(() => done.push(`write ${i}`));
    const writes = [1, 2, 3, 4, 5].map(write);
    await new Promise((r) => setTimeout(r, 30)); // the first write is running, four are queued
    const read = store.db.execute(sql`SELECT 1`).then(() => done.push('read'));
    await Promise.all([...writes, read]);
    expect(done.indexOf('read'), done.join(', ')).toBeLessThan(done.indexOf('write 3'));
  });

  it('keeps a transaction whole: others wait for it, a failure rolls all of it back', async () => {
    let outsideSaw: unknown[] | undefined;
    await store.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO t VALUES (1, 'x')`);
      // A statement from outside the transaction waits for its end, so it sees the committed row.
      const outside = queryRows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM t`).then((r) => {
        outsideSaw = r;
      });
      await tx.execute(sql`INSERT INTO t VALUES (2, 'y')`);
      expect(outsideSaw).toBeUndefined();
      void outside;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(outsideSaw).toEqual([{ n: 2 }]);

    await expect(
      store.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO t VALUES (3, 'z')`);
        await tx.execute(sql`INSERT INTO t VALUES (1, 'dup')`);
      }),
    ).rejects.toSatisfy(isUniqueViolation);
    expect(await queryRows(store.db, sql`SELECT a, b FROM t ORDER BY a`)).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });

  it('answers date and time as drizzle expects and passes notifications back', async () => {
    const [row] = await queryRows<{ d: unknown }>(store.db, sql`SELECT '2026-12-07'::date AS d`);
    expect(row?.d).toBe('2026-12-07');
    if (store.raw.driver !== 'pglite') throw new Error('pglite expected');
    const got: string[] = [];
    const stop = await store.raw.client.listen('zb_test', (p) => got.push(p));
    await store.db.execute(sql`SELECT pg_notify('zb_test', 'hello')`);
    await new Promise((r) => setTimeout(r, 50));
    await stop();
    expect(got).toEqual(['hello']);
  });

  it("answers prepared statements exactly as PGlite's own query() does", async () => {
    // The thread keeps each statement text prepared (prepared-queries.ts); an in-memory PGlite in
    // this thread answers through PGlite's query(). Same statements, same answers, types included.
    const mem = await openStore({ driver: 'pglite', thread: false });
    try {
      const both = [store, mem];
      const ddl = sql`CREATE TABLE p (k text PRIMARY KEY, d jsonb, n bigint, f boolean, at timestamptz,
        day date, tags text[], m numeric)`;
      for (const s of both) await s.db.execute(ddl);
      const insert = (s: Store, k: string, n: number | null) =>
        queryRows(
          s.db,
          sql`INSERT INTO p VALUES (${k}, ${JSON.stringify({ a: [1, 'б'], k })}::jsonb, ${n}, ${n === null},
            '2026-12-07T10:00:00Z', '2026-12-07', ${`{${k},x}`}, 12.5) RETURNING k, (xmax = 0) AS inserted`,
        );
      const select = (s: Store, k: string) => queryRows(s.db, sql`SELECT * FROM p WHERE k = ${k}`);
      for (const k of ['a', 'b']) expect(await insert(store, k, 7)).toEqual(await insert(mem, k, 7));
      expect(await insert(store, 'c', null)).toEqual(await insert(mem, 'c', null));
      for (const k of ['a', 'c', 'none']) {
        const [thread, own] = [await select(store, k), await select(mem, k)];
        expect(thread).toEqual(own);
      }
      expect((await select(store, 'a'))[0]).toMatchObject({
        d: { a: [1, 'б'], k: 'a' },
        f: false,
        tags: ['a', 'x'],
      });
      // An error keeps PostgreSQL's fields, and the session goes on.
      await expect(insert(store, 'a', 1)).rejects.toSatisfy(isUniqueViolation);
      expect(await select(store, 'b')).toEqual(await select(mem, 'b'));
      // A column added after a statement was prepared: the statement is described anew.
      for (const s of both) await s.db.execute(sql`ALTER TABLE p ADD COLUMN extra text DEFAULT 'new'`);
      expect(await select(store, 'a')).toEqual(await select(mem, 'a'));
      expect((await select(store, 'a'))[0]).toMatchObject({ extra: 'new' });
      // Statements dropped behind its back (DEALLOCATE ALL): prepared again, once.
      await store.db.execute(sql.raw('DEALLOCATE ALL'));
      expect(await select(store, 'b')).toEqual(await select(mem, 'b'));
      // More distinct texts than are kept prepared: the oldest are closed, all still answer.
      for (let i = 0; i < 300; i++) {
        const [row] = await queryRows<{ v: number }>(store.db, sql.raw(`SELECT ${i} + 1 AS v`));
        expect(row?.v).toBe(i + 1);
      }
      expect(await select(store, 'c')).toEqual(await select(mem, 'c'));
    } finally {
      await mem.close();
    }
  });
});
