import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { listConnections } from '../store/connection-store.js';
import { forgetDeliveries, resetDeliveries } from '../store/delivery-store.js';
import type { Store } from '../store/open-store.js';
import { getOperation, type Operation, requestCancel } from '../store/operation-store.js';
import { requeueRecordErrors } from '../store/record-error-store.js';
import type { SecretBox } from '../store/secret-box.js';
import type { ConnectorRegistry } from './connector/connector-registry.js';
import { createEngineContext, type EngineContext } from './engine-context.js';
import { EngineMetrics } from './engine-metrics.js';
import { OutboxPump } from './jobs/outbox-pump.js';
import { SyncJobs } from './jobs/sync-jobs.js';
import { type Reconciliation, reconcileConnection } from './reconcile/reconcile-connection.js';
import { type CheckOutcome, checkConnection } from './run/check-connection.js';
import { createRun } from './run/create-run.js';
import { ConnectionBusyError, executeRun } from './run/execute-run.js';
import { dropOutboundMarks } from './run/outbound-mark.js';
import type { RunOptions } from './run/run-options.js';

export interface SyncEngineOptions {
  store: Store;
  box: SecretBox | undefined;
  connectors: ConnectorRegistry;
  log?: Logger | undefined;
  /** Where the engine's metrics go (the hub's registry when both run in one process). */
  registry?: Registry | undefined;
  /**
   * `queue`: runs go to pg-boss; with `workers` > 0 this process also executes them.
   * `inline`: no job queue; a triggered run executes in the caller (the CLI on a store it opened).
   */
  mode: 'queue' | 'inline';
  workers?: number | undefined;
}

export interface TriggerRequest {
  connectionId?: string | undefined;
  platform?: string | undefined;
  kinds?: string[] | undefined;
  direction?: RunOptions['direction'] | undefined;
  trigger: string;
}

/** The engine as the hub and the CLI use it: trigger, check, cancel, resend, retry. */
export class SyncEngine {
  /** Starts runs for queued outbox entries (billing webhooks) in a process that executes runs. */
  private pump: OutboxPump | undefined;

  private constructor(
    readonly ctx: EngineContext,
    /** The job queue (absent inline). */
    readonly jobs: SyncJobs | undefined,
  ) {}

  static async start(opts: SyncEngineOptions): Promise<SyncEngine> {
    const ctx = createEngineContext({
      store: opts.store,
      box: opts.box,
      connectors: opts.connectors,
      log: opts.log,
      metrics: opts.registry ? new EngineMetrics(opts.registry) : undefined,
    });
    if (opts.mode === 'inline') return new SyncEngine(ctx, undefined);
    const jobs = await SyncJobs.start(ctx);
    try {
      if ((opts.workers ?? 0) > 0) {
        await jobs.work(opts.workers!);
        await jobs.syncSchedules();
      }
    } catch (err) {
      await jobs.stop();
      throw err;
    }
    const engine = new SyncEngine(ctx, jobs);
    if ((opts.workers ?? 0) > 0) {
      engine.pump = new OutboxPump(ctx, (orgId, connectionId) =>
        engine.trigger(orgId, { connectionId, direction: 'outbound', trigger: 'outbox' }),
      );
      engine.pump.start();
    }
    return engine;
  }

  /**
   * Records one run per matching enabled connection of the organisation and queues it (or, inline,
   * leaves it queued for `execute`). Answers the runs as recorded.
   */
  async trigger(orgId: string, req: TriggerRequest): Promise<Operation[]> {
    const db = this.ctx.store.db;
    const all = await listConnections(db, this.ctx.box, orgId);
    const chosen = all.filter(
      (c) =>
        c.enabled &&
        (!req.connectionId || c.id === req.connectionId || c.name === req.connectionId) &&
        (!req.platform || c.platform === req.platform),
    );
    const runs: Operation[] = [];
    for (const c of chosen) {
      const options: Partial<RunOptions> = { direction: req.direction ?? 'both' };
      if (req.kinds) options.kinds = req.kinds;
      const id = await createRun(db, {
        orgId,
        connectionId: c.id,
        platform: c.platform,
        trigger: req.trigger,
        options,
      });
      if (this.jobs) await this.jobs.enqueue(id, c.id);
      runs.push((await getOperation(db, id))!);
    }
    return runs;
  }

  /** Executes a queued run in this process (inline mode and tests). */
  execute(runId: number, onProgress?: (run: Operation) => void): Promise<Operation> {
    return executeRun(this.ctx, runId, onProgress ? { onProgress } : {});
  }

  check(orgId: string, connectionId: string): Promise<CheckOutcome | undefined> {
    return checkConnection(this.ctx, orgId, connectionId);
  }

  async cancel(orgId: string, runId: number): Promise<Operation | undefined> {
    const run = await getOperation(this.ctx.store.db, runId);
    if (!run || run.orgId !== orgId || run.type !== 'run') return undefined;
    return requestCancel(this.ctx.store.db, runId);
  }

  /**
   * Forgets what the platform confirmed (all records, or only those with an open record error —
   * refused or dead-lettered: `retry failed`) for one connection and optionally one kind, then
   * triggers a run that sends them again. `requeued` counts the open errors by code. Throws
   * ConnectionBusyError while a run of the connection is executing.
   */
  async resend(
    orgId: string,
    connectionId: string,
    opts: { kind?: string | undefined; onlyFailed: boolean },
  ): Promise<{ reset: number; requeued: Record<string, number>; runs: Operation[] }> {
    // Under the connection's sync lock: a pass running meanwhile would otherwise record itself as
    // in step with records whose confirmations were just forgotten.
    const release = await this.ctx.store.tryLock(`sync:${connectionId}`);
    if (!release) {
      throw new ConnectionBusyError(
        `connection ${connectionId} is being synced right now; cancel the run or try again when it ends`,
      );
    }
    let reset: number;
    let requeued: Record<string, number>;
    try {
      reset = await resetDeliveries(this.ctx.store.db, connectionId, {
        kind: opts.kind,
        onlyRejected: opts.onlyFailed,
      });
      requeued = await requeueRecordErrors(this.ctx.store.db, connectionId, opts.kind);
      await dropOutboundMarks(this.ctx.store.db, connectionId, opts.kind);
    } finally {
      await release();
    }
    const runs = await this.trigger(orgId, {
      connectionId,
      kinds: opts.kind ? [opts.kind] : undefined,
      direction: 'outbound',
      trigger: opts.onlyFailed ? 'retry-failed' : 'resend-all',
    });
    return { reset, requeued, runs };
  }

  /** A connection's reconciliation report (see reconcileConnection); undefined for an unknown one. */
  async reconcile(orgId: string, connectionId: string): Promise<Reconciliation | undefined> {
    return reconcileConnection(this.ctx, orgId, connectionId);
  }

  /**
   * Reconciles, then sends again what the platform lacks or holds differently: those records'
   * confirmations are forgotten (under the connection's sync lock, as `resend`) and an outbound run
   * of their kinds is triggered. Records only the platform holds are reported, never deleted.
   * Answers the report as it was before the fix, how many records go again per ledger, and the runs.
   */
  async reconcileFix(
    orgId: string,
    connectionId: string,
  ): Promise<(Reconciliation & { resent: Record<string, number>; runs: Operation[] }) | undefined> {
    const found = await this.reconcile(orgId, connectionId);
    if (!found) return undefined;
    const resent: Record<string, number> = {};
    if (found.resend.size === 0) return { ...found, resent, runs: [] };
    const release = await this.ctx.store.tryLock(`sync:${connectionId}`);
    if (!release) {
      throw new ConnectionBusyError(
        `connection ${connectionId} is being synced right now; try again when the run ends`,
      );
    }
    try {
      for (const [ledger, { keys }] of found.resend) {
        resent[ledger] = await forgetDeliveries(this.ctx.store.db, connectionId, ledger, keys);
        // A self-contained stream in step would otherwise read only what changed since its mark.
        await dropOutboundMarks(this.ctx.store.db, connectionId, ledger);
      }
    } finally {
      await release();
    }
    const runs = await this.trigger(orgId, {
      connectionId,
      kinds: [...new Set([...found.resend.values()].map((r) => r.kind))],
      direction: 'outbound',
      trigger: 'reconcile-fix',
    });
    return { ...found, resent, runs };
  }

  /** Re-reads the connections' schedules (after a connection was created or changed). */
  async refreshSchedules(): Promise<void> {
    await this.jobs?.syncSchedules();
  }

  async stop(): Promise<void> {
    this.pump?.stop();
    await this.jobs?.stop();
  }
}
