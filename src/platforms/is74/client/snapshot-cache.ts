import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../store/open-store.js';
import { preparedRows } from './prepared-rows.js';

/** About 1 KB an answer: the cache stays within tens of megabytes. */
const MAX_ENTRIES = 50_000;
/** How long a wave waits for pending changes to be applied before it reads what is there. */
const FRESHEN_WAIT_MS = 1000;

/**
 * Rendered answers of the Data Provider, valid while the database has not changed. The version is
 * the transaction snapshot (`pg_current_snapshot()`): it stays the same text exactly as long as no
 * writing transaction begins or ends, on PGlite and on a PostgreSQL shared by several hubs alike.
 * An answer is tagged with the snapshot taken before it was read, so anything committed while it
 * was being read makes it stale at once.
 *
 * A request waits for a snapshot taken after it arrived; concurrent requests share one (a request
 * that arrives while one is being taken waits for the next), so the check costs one trivial query
 * per wave of requests rather than the answer's full read per request.
 *
 * Answers read from derived records (is74's contract views) should not be read while those lag
 * behind what committed: the same query asks `pending` (whether any change is waiting to be
 * applied), and when it is, `freshen` applies it before the snapshot the wave reads under is taken.
 * A wave waits for that a second at most: a bulk import's backlog goes on being applied while the
 * reads serve what is there, and every answer read before it lands is stale by snapshot as soon as
 * it does.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, { snap: string; body: string | undefined }>();
  private inflight: Promise<string> | undefined;
  private next: Promise<string> | undefined;
  /** Whether the inflight snapshot's query has been sent. */
  private issued = false;

  constructor(
    private readonly db: Db,
    /** `name`: of the prepared statement that asks for the snapshot and `pending` together. */
    private readonly derived?: { name: string; pending: SQL; freshen: () => Promise<unknown> },
  ) {}

  /** The cached body for `key` when still current, else `read()`'s (`undefined` = not found). */
  async get(key: string, read: () => Promise<string | undefined>): Promise<string | undefined> {
    const snap = await this.snapshot();
    const hit = this.entries.get(key);
    if (hit && hit.snap === snap) return hit.body;
    const body = await read();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { snap, body });
    return body;
  }

  private snapshot(): Promise<string> {
    // Not sent yet: this request arrived before the query starts, so it may share the answer.
    if (this.inflight && !this.issued) return this.inflight;
    if (!this.inflight) {
      this.issued = false;
      // Sent on the next turn of the event loop, so that every request read in this turn joins it.
      this.inflight = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => {
          this.issued = true;
          return this.take();
        })
        .finally(() => {
          this.inflight = undefined;
        });
      return this.inflight;
    }
    // The snapshot being taken may predate this request: wait for the one after it.
    this.next ??= this.inflight.then(
      () => this.afterCurrent(),
      () => this.afterCurrent(),
    );
    return this.next;
  }

  private async take(): Promise<string> {
    const snapshot = () =>
      preparedRows<{ s: string }>(this.db, 'zb_snapshot', sql`SELECT pg_current_snapshot()::text AS s`);
    if (!this.derived) return (await snapshot())[0]!.s;
    const [first] = await preparedRows<{ s: string; p: boolean }>(
      this.db,
      this.derived.name,
      sql`SELECT pg_current_snapshot()::text AS s, ${this.derived.pending} AS p`,
    );
    if (!first!.p) return first!.s;
    const applied = this.derived.freshen().catch(() => {}); // a failure shows in the next run
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([applied, new Promise((r) => (timer = setTimeout(r, FRESHEN_WAIT_MS)))]);
    clearTimeout(timer);
    return (await snapshot())[0]!.s;
  }

  private afterCurrent(): Promise<string> {
    this.next = undefined;
    return this.snapshot();
  }
}
