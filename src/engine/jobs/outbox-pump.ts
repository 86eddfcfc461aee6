import { sql } from 'drizzle-orm';
import type { Db } from '../../store/open-store.js';
import { queryRows } from '../../store/query-rows.js';
import { safeError } from '../../store/safe-error.js';
import type { EngineContext } from '../engine-context.js';

/** How often workers look for queued outbox entries (the billing's webhook lag is about half). */
export const OUTBOX_POLL_MS = Number(process.env.ZHKH_OUTBOX_POLL_MS ?? 200);
/**
 * After a failed run (the policy gave up on a batch) the next one waits this long: a billing that is
 * down is probed about once a minute, like the policy's longest backoff, not hammered.
 */
export const OUTBOX_RETRY_AFTER_MS = Number(process.env.ZHKH_OUTBOX_RETRY_MS ?? 60_000);

/**
 * Starts a run for every connection whose outbox has entries waiting (connectors' `outboxes`, see
 * OutboxStream) and that has no run queued or running — the entries the run does not drain (it
 * failed, or more arrived) are picked up by a later tick. Workers run one pump each; two pumps may
 * queue two runs of a connection, which the engine serialises and the second finds nothing to do.
 */
export class OutboxPump {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly engine: EngineContext,
    private readonly trigger: (orgId: string, connectionId: string) => Promise<unknown>,
    private readonly opts = { pollMs: OUTBOX_POLL_MS, retryAfterMs: OUTBOX_RETRY_AFTER_MS },
  ) {}

  start(): void {
    const streams = this.engine.connectors
      .names()
      .flatMap((p) => this.engine.connectors.get(p)?.outboxes ?? []);
    if (streams.length === 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.tick()
        .catch((err) => this.engine.log?.error({ err: safeError(err) }, 'outbox pump failed'))
        .finally(() => {
          this.busy = false;
        });
    }, this.opts.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One look: answers the connections it started a run for. */
  async tick(): Promise<string[]> {
    const db = this.engine.store.db;
    const started: string[] = [];
    for (const platform of this.engine.connectors.names()) {
      for (const stream of this.engine.connectors.get(platform)?.outboxes ?? []) {
        for (const w of await stream.waiting(db)) {
          if (started.includes(w.connectionId)) continue;
          if (!(await isIdle(db, w.connectionId, this.opts.retryAfterMs))) continue;
          await this.trigger(w.orgId, w.connectionId);
          started.push(w.connectionId);
        }
      }
    }
    return started;
  }
}

/** No run of the connection queued or running, and its last run did not fail just now. */
async function isIdle(db: Db, connectionId: string, retryAfterMs: number): Promise<boolean> {
  const rows = await queryRows<{ state: string; recent: boolean }>(
    db,
    sql`
    SELECT state, coalesce(finished_at > now() - make_interval(secs => ${retryAfterMs / 1000}), false) AS recent
    FROM operations WHERE connection_id = ${connectionId} AND type = 'run' AND parent_id IS NULL
    ORDER BY id DESC LIMIT 1`,
  );
  const last = rows[0];
  if (!last) return true;
  if (last.state === 'queued' || last.state === 'running') return false;
  return !(last.state !== 'succeeded' && last.recent);
}
