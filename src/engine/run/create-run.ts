import type { Db } from '../../store/open-store.js';
import { createOperation } from '../../store/operation-store.js';
import type { RunOptions } from './run-options.js';

export interface RunRequest {
  orgId: string;
  connectionId: string;
  platform: string;
  /** Who asked: api, cli, schedule, retry, resend. */
  trigger: string;
  options?: Partial<RunOptions> | undefined;
}

/** Records a queued run; a worker (or the CLI inline) executes it by id. */
export function createRun(db: Db, req: RunRequest): Promise<number> {
  return createOperation(db, {
    orgId: req.orgId,
    connectionId: req.connectionId,
    platform: req.platform,
    type: 'run',
    state: 'queued',
    trigger: req.trigger,
    options: { direction: 'both', ...req.options },
  });
}
