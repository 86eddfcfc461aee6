import type { PgBoss } from 'pg-boss';

const PAGE = 1000;

/**
 * Embedded mode only, at start, before this process takes any job: a job still `active` belongs to
 * a process that died (the data directory is locked, so no other process is running). Left alone,
 * it would hold its connection's singleton slot until its heartbeat expires and pg-boss notices
 * — about a minute — and the interrupted run would wait that long. Cancelled here, the run is
 * queued again at once (requeueOrphanedRuns). Answers how many were released.
 */
export async function releaseDeadJobs(boss: PgBoss, queue: string): Promise<number> {
  const dead: string[] = [];
  for (let after: string | undefined; ; ) {
    const page = await boss.findJobs(queue, { limit: PAGE, ...(after === undefined ? {} : { after }) });
    for (const job of page) if (job.state === 'active') dead.push(job.id);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  if (dead.length > 0) await boss.cancel(queue, dead);
  return dead.length;
}
