import { fromPglite, PgBoss } from 'pg-boss';
import { listAllConnections } from '../../store/connection-store.js';
import { safeError } from '../../store/safe-error.js';
import type { EngineContext } from '../engine-context.js';
import { createRun } from '../run/create-run.js';
import { ConnectionBusyError, executeRun } from '../run/execute-run.js';
import { SyncSettings, splitSettings } from '../sync-settings.js';
import { releaseDeadJobs } from './release-dead-jobs.js';
import { requeueOrphanedRuns } from './requeue-orphaned-runs.js';

export const SYNC_QUEUE = 'zhkh-sync';
export const SCHEDULE_QUEUE = 'zhkh-sync-schedule';

interface SyncJob {
  runId: number;
}
interface ScheduleJob {
  orgId: string;
  connectionId: string;
}

/**
 * Sync runs as pg-boss jobs. The hub enqueues a run's id; any worker process on the same database
 * takes it (SKIP LOCKED). The queue's `singleton` policy keyed by connection lets one run of a
 * connection be active at a time, and executeRun's store lock makes that a guarantee. A worker that
 * dies stops its heartbeat, so pg-boss hands the run to another worker, which picks it up where the
 * delivery hashes and checkpoints say it stopped.
 */
export class SyncJobs {
  private constructor(
    readonly boss: PgBoss,
    private readonly engine: EngineContext,
  ) {}

  static async start(engine: EngineContext): Promise<SyncJobs> {
    const raw = engine.store.raw;
    const boss =
      raw.driver === 'pglite'
        ? new PgBoss({
            db: fromPglite(raw.client as Parameters<typeof fromPglite>[0]),
            backend: 'pglite',
            useListenNotify: true,
          })
        : // A dead worker's job is failed by a monitoring pass once its heartbeat is 30 s old;
          // passes every 10 s (pg-boss's default is 60) let another worker take it within ~45 s.
          new PgBoss({
            connectionString: raw.url,
            max: 4,
            useListenNotify: true,
            superviseIntervalSeconds: 10,
            monitorIntervalSeconds: 10,
          });
    boss.on('error', (err) => engine.log?.error({ err: safeError(err) }, 'job queue error'));
    await boss.start();
    for (const name of [SYNC_QUEUE, SCHEDULE_QUEUE]) {
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name, {
          policy: name === SYNC_QUEUE ? 'singleton' : 'standard',
          retryLimit: 1000,
          retryDelay: 2,
          heartbeatSeconds: 30,
          expireInSeconds: 24 * 3600,
          notify: true,
        });
      }
    }
    return new SyncJobs(boss, engine);
  }

  /** Queues a recorded run for any worker. */
  async enqueue(runId: number, connectionId: string): Promise<void> {
    await this.boss.send(SYNC_QUEUE, { runId } satisfies SyncJob, { singletonKey: connectionId });
  }

  /**
   * Takes runs from the queue, at most `concurrency` at a time in this process. In embedded mode
   * the process owns the store alone, so the jobs a killed process left active are released and its
   * unfinished runs queued again: they resume within seconds of the start. On PostgreSQL other
   * workers may be alive, so a dead worker's job waits for its heartbeat to expire.
   */
  async work(concurrency: number): Promise<void> {
    if (this.engine.store.driver === 'pglite') {
      const released =
        (await releaseDeadJobs(this.boss, SYNC_QUEUE)) + (await releaseDeadJobs(this.boss, SCHEDULE_QUEUE));
      const orphans = await requeueOrphanedRuns(this.engine.store.db);
      for (const run of orphans) await this.enqueue(run.id, run.connectionId);
      if (released + orphans.length > 0)
        this.engine.log?.info(
          { releasedJobs: released, runs: orphans.map((r) => r.id) },
          'resuming runs a stopped process left unfinished',
        );
    }
    await this.boss.work<SyncJob>(
      SYNC_QUEUE,
      { localConcurrency: concurrency, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
      async ([job]) => {
        if (!job) return;
        try {
          await executeRun(this.engine, job.data.runId);
        } catch (err) {
          // Busy: another worker holds the connection; pg-boss retries this job shortly.
          if (!(err instanceof ConnectionBusyError))
            this.engine.log?.error({ err: safeError(err) }, 'sync job failed');
          throw err;
        }
      },
    );
    await this.boss.work<ScheduleJob>(
      SCHEDULE_QUEUE,
      { pollingIntervalSeconds: 5, notifyPollingIntervalSeconds: 5 },
      async ([job]) => {
        if (!job) return;
        const conn = (await listAllConnections(this.engine.store.db)).find(
          (c) => c.id === job.data.connectionId,
        );
        if (!conn?.enabled) return;
        const runId = await createRun(this.engine.store.db, {
          orgId: conn.orgId,
          connectionId: conn.id,
          platform: conn.platform,
          trigger: 'schedule',
        });
        await this.enqueue(runId, conn.id);
      },
    );
  }

  /** Makes pg-boss's schedules match the connections' `settings.sync.schedule` (cron, UTC). */
  async syncSchedules(): Promise<number> {
    const connections = await listAllConnections(this.engine.store.db);
    const wanted = new Map<string, { cron: string; orgId: string }>();
    for (const c of connections) {
      const parsed = SyncSettings.safeParse(splitSettings(c.settings).sync);
      if (c.enabled && parsed.success && parsed.data.schedule)
        wanted.set(c.id, { cron: parsed.data.schedule, orgId: c.orgId });
    }
    for (const s of await this.boss.getSchedules(SCHEDULE_QUEUE)) {
      if (!wanted.has(s.key)) await this.boss.unschedule(SCHEDULE_QUEUE, s.key);
    }
    for (const [connectionId, w] of wanted) {
      await this.boss.schedule(
        SCHEDULE_QUEUE,
        w.cron,
        { orgId: w.orgId, connectionId } satisfies ScheduleJob,
        {
          key: connectionId,
          tz: 'UTC',
        },
      );
    }
    return wanted.size;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
