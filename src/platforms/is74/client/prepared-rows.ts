import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../../store/open-store.js';
import { queryRows } from '../../../store/query-rows.js';

const dialect = new PgDialect();

interface PgliteClient {
  exec(text: string): Promise<Array<{ rows: unknown[] }>>;
}
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const preparing = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Runs one of the served API's fixed reads as a prepared statement, planned once per database
 * session instead of on every call: planning the read of a user's views took ten times as long as
 * running it. On PGlite the statement is prepared with `PREPARE` and run by `EXECUTE` through the
 * simple protocol — the extended one costs PGlite more per call than the read itself — with the
 * values written as literals; on PostgreSQL it is a named statement of the pool's connections.
 * The same `name` must always come with the same statement text; constants that a partial index
 * depends on belong in the text, not in the values. Falls back to `queryRows` inside a transaction.
 */
export async function preparedRows<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client as
    | Partial<PgliteClient & PgClient>
    | undefined;
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (client && typeof client.exec === 'function') {
    const pglite = client as PgliteClient;
    const byName = preparing.get(pglite) ?? new Map<string, Promise<void>>();
    preparing.set(pglite, byName);
    let ready = byName.get(name);
    if (!ready) {
      ready = pglite.exec(`PREPARE ${name} AS ${text}`).then(() => undefined);
      ready.catch(() => byName.delete(name));
      byName.set(name, ready);
    }
    await ready;
    const args = params.length === 0 ? '' : `(${params.map(literal).join(', ')})`;
    const [result] = await pglite.exec(`EXECUTE ${name}${args}`);
    return (result?.rows ?? []) as T[];
  }
  if (
    client &&
    typeof client.query === 'function' &&
    typeof (client as { totalCount?: unknown }).totalCount === 'number'
  ) {
    return (await (client as PgClient).query({ name, text, values: params })).rows as T[];
  }
  return queryRows<T>(db, query);
}

/** A value as an SQL literal (standard-conforming strings: a quote is the only character to double). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  if (s.includes('\u0000')) throw new Error('a value with a NUL character cannot be sent to the database');
  return `'${s.replaceAll("'", "''")}'`;
}
