/** Messages between `PgliteRemote` (the hub's thread) and `pglite-thread` (the database's). */
export type ThreadRequest = { id: number } & (
  | { op: 'ready' }
  | {
      op: 'query';
      tx?: number | undefined;
      text: string;
      params?: unknown[] | undefined;
      rowMode?: 'array' | 'object' | undefined;
      /** Type ids whose values stay text (drizzle's identity parsers; functions cannot cross threads). */
      rawTypes?: number[] | undefined;
    }
  | { op: 'exec'; tx?: number | undefined; text: string }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; listener: number }
  | { op: 'close' }
);

export interface ThreadError {
  message: string;
  name: string;
  /** PostgreSQL's error fields (code, detail, constraint…), kept so callers can tell errors apart. */
  fields: Record<string, string>;
}

export type ThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ThreadError }
  | { id: 0; notify: { listener: number; payload: string } };
