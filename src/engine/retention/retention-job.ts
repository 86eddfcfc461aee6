import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Store } from '../../store/open-store.js';
import { pruneHistory } from '../../store/prune-store.js';
import { safeError } from '../../store/safe-error.js';

export const PRUNE_QUEUE = 'zhkh-prune';
/** Daily at 03:17 UTC: off the hour most schedules use. */
export const PRUNE_CRON = '17 3 * * *';

/**
 * Prunes old history once a day as a pg-boss schedule (`serve` sets it up): pg-boss keeps one
 * schedule per queue, so with several `serve` processes on one PostgreSQL each night's prune runs
 * once. `retentionMs` undefined (ZHKH_RETENTION=off) removes the schedule.
 */
export async function scheduleRetention(
  boss: PgBoss,
  store: Store,
  retentionMs: number | undefined,
  log?: Logger | undefined,
): Promise<void> {
  if (!(await boss.getQueue(PRUNE_QUEUE)))
    await boss.createQueue(PRUNE_QUEUE, { policy: 'singleton', notify: true });
  if (retentionMs === undefined) {
    await boss.unschedule(PRUNE_QUEUE);
    return;
  }
  await boss.schedule(PRUNE_QUEUE, PRUNE_CRON, {}, { tz: 'UTC' });
  // A job sent by the schedule wakes the worker (NOTIFY); polling is only the backstop.
  await boss.work(PRUNE_QUEUE, { pollingIntervalSeconds: 60, notifyPollingIntervalSeconds: 60 }, async () => {
    const before = new Date(Date.now() - retentionMs);
    try {
      const counts = await pruneHistory(store.db, before);
      log?.info({ before: before.toISOString(), ...counts }, 'pruned history');
    } catch (err) {
      log?.error({ err: safeError(err) }, 'pruning history failed');
      throw err;
    }
  });
}
