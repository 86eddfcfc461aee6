import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { PgliteRemote } from './pglite-remote.js';
import { makeDataDirPrivate } from './private-data-dir.js';
import * as schema from './schema.js';
import { TurnTakingClient } from './turn-taking-client.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  driver: 'pglite' | 'postgres';
  db: Db;
  /** Where the data lives, for logs and `--help` output (never includes a password). */
  where: string;
  /** The driver's own handle, for pg-boss (which runs its own SQL on the same database). */
  raw:
    | { driver: 'pglite'; client: PGlite | PgliteRemote }
    | { driver: 'postgres'; url: string; pool: pg.Pool };
  /**
   * Takes an exclusive lock named `name` across every process on this database, or answers
   * undefined when another holder has it. On PostgreSQL it is a session advisory lock on a client
   * kept for the lock's life, so a killed process releases it at once; PGlite has one process (the
   * data directory is locked), so an in-process set is enough.
   */
  tryLock(name: string): Promise<(() => Promise<void>) | undefined>;
  close(): Promise<void>;
}

export type StoreOptions =
  | {
      driver: 'pglite';
      dataDir?: string | undefined /* undefined = in memory */;
      /**
       * Run the database in a worker thread of its own (default for a data directory; see
       * `pgliteInThread`), or in the caller's thread.
       */
      thread?: boolean | undefined;
    }
  | { driver: 'postgres'; url: string; poolSize?: number | undefined };

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Serialises migrations when several processes start against one PostgreSQL at once. */
const MIGRATION_LOCK = 0x7a686b68;

export async function openStore(opts: StoreOptions): Promise<Store> {
  return opts.driver === 'pglite'
    ? openPglite(opts.dataDir, opts.thread ?? pgliteInThread(opts.dataDir))
    : openPostgres(opts.url, opts.poolSize ?? 10);
}

/**
 * Where the embedded database runs unless the caller says: an on-disk store (what `serve`, `worker`
 * and the CLI open) in a thread of its own, so statements do not hold up the event loop; an
 * in-memory one (tests) in the caller's thread. `ZHKH_PGLITE_THREAD=0` or `=1` overrides both.
 */
export function pgliteInThread(dataDir: string | undefined, env = process.env): boolean {
  const set = env.ZHKH_PGLITE_THREAD;
  if (set === '0' || set === 'false') return false;
  if (set === '1' || set === 'true') return true;
  return dataDir !== undefined;
}

async function openPglite(dataDir: string | undefined, thread: boolean): Promise<Store> {
  const dir = dataDir === undefined ? undefined : resolve(dataDir);
  const release = dir === undefined ? () => {} : lockDataDir(dir);
  let client: PGlite | PgliteRemote | undefined;
  try {
    if (dir !== undefined) makeDataDirPrivate(dir);
    client = thread ? new PgliteRemote(dir) : new PGlite(dir);
    await client.waitReady;
    // PgliteRemote answers the calls drizzle makes (query, exec, transaction) as PGlite does.
    const db = drizzlePglite({ client: client as PGlite, schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder });
    // PGlite runs no autovacuum, so nothing gathers planner statistics unless we do.
    await client.exec('ANALYZE');
    const opened = client;
    const held = new Set<string>();
    return {
      driver: 'pglite',
      db,
      raw: { driver: 'pglite', client: opened },
      async tryLock(name) {
        if (held.has(name)) return undefined;
        held.add(name);
        return async () => {
          held.delete(name);
        };
      },
      where: dir === undefined ? 'PGlite in memory' : `PGlite at ${dir}`,
      async close() {
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    await client?.close().catch(() => {});
    release();
    throw err;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL (unparseable DATABASE_URL)';
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: TurnTakingClient });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    const conn = await pool.connect();
    try {
      await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrateNodePg(drizzleNodePg({ client: conn, schema }), { migrationsFolder });
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      conn.release();
    }
    return {
      driver: 'postgres',
      db,
      where: `PostgreSQL at ${redact(url)}`,
      raw: { driver: 'postgres', url, pool },
      tryLock: (name) => tryAdvisoryLock(pool, name),
      close: () => pool.end(),
    };
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}

async function tryAdvisoryLock(pool: pg.Pool, name: string): Promise<(() => Promise<void>) | undefined> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
      `zhkh:${name}`,
    ]);
    if (!rows[0]?.ok) {
      client.release();
      return undefined;
    }
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  return async () => {
    try {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`zhkh:${name}`]);
      client.release();
    } catch (err) {
      // A broken client is destroyed, which ends its session and so its lock.
      client.release(err as Error);
    }
  };
}
