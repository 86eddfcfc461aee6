import { sql } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { queryRows } from './query-rows.js';
import { storedTime } from './stored-time.js';

export type OperationType = 'run' | 'batch' | 'page' | 'callback' | 'check';
export type OperationState = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
export const FINAL_STATES: readonly OperationState[] = ['succeeded', 'partial', 'failed', 'cancelled'];

export interface OperationCounts {
  sent: number;
  unchanged: number;
  failed: number;
  received: number;
  acknowledged: number;
  requests: number;
}

export interface Operation extends OperationCounts {
  id: number;
  orgId: string;
  connectionId: string;
  platform: string;
  parentId: number | null;
  type: OperationType;
  kind: string | null;
  state: OperationState;
  trigger: string | null;
  options: Record<string, unknown>;
  planned: number | null;
  lastError: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface NewOperation {
  orgId: string;
  connectionId: string;
  platform: string;
  type: OperationType;
  state: OperationState;
  parentId?: number | undefined;
  kind?: string | undefined;
  trigger?: string | undefined;
  options?: Record<string, unknown> | undefined;
  planned?: number | undefined;
  counts?: Partial<OperationCounts>;
  lastError?: string | undefined;
  /** When the work began, if before this row is written (a batch is recorded once it is done). */
  startedAt?: Date | undefined;
}

export async function createOperation(db: Db, op: NewOperation): Promise<number> {
  const c = op.counts ?? {};
  const started =
    op.state === 'queued'
      ? sql`NULL`
      : op.startedAt
        ? sql`${op.startedAt.toISOString()}::timestamptz`
        : sql`now()`;
  const finished = FINAL_STATES.includes(op.state) ? sql`now()` : sql`NULL`;
  const rows = await queryRows<{ id: string | number }>(
    db,
    sql`
    INSERT INTO operations (org_id, connection_id, platform, parent_id, type, kind, state, trigger, options,
      planned, sent, unchanged, failed, received, acknowledged, requests, last_error, started_at, finished_at)
    VALUES (${op.orgId}, ${op.connectionId}, ${op.platform}, ${op.parentId ?? null}, ${op.type}, ${op.kind ?? null},
      ${op.state}, ${op.trigger ?? null}, ${JSON.stringify(op.options ?? {})}::jsonb, ${op.planned ?? null},
      ${c.sent ?? 0}, ${c.unchanged ?? 0}, ${c.failed ?? 0}, ${c.received ?? 0}, ${c.acknowledged ?? 0},
      ${c.requests ?? 0}, ${op.lastError ?? null}, ${started}, ${finished})
    RETURNING id`,
  );
  return Number(rows[0]!.id);
}

export interface OperationPatch {
  state?: OperationState;
  planned?: number;
  lastError?: string | null;
  /** Added to the stored counts. */
  add?: Partial<OperationCounts>;
}

/** Moves an operation on; counts are added, so concurrent batches of one run never overwrite each other. */
export async function updateOperation(db: Db, id: number, patch: OperationPatch): Promise<void> {
  const a = patch.add ?? {};
  const state = patch.state;
  await db.execute(sql`
    UPDATE operations SET
      sent = sent + ${a.sent ?? 0}, unchanged = unchanged + ${a.unchanged ?? 0}, failed = failed + ${a.failed ?? 0},
      received = received + ${a.received ?? 0}, acknowledged = acknowledged + ${a.acknowledged ?? 0},
      requests = requests + ${a.requests ?? 0}
      ${state ? sql`, state = ${state}` : sql``}
      ${state === 'running' ? sql`, started_at = coalesce(started_at, now())` : sql``}
      ${state && FINAL_STATES.includes(state) ? sql`, finished_at = now(), started_at = coalesce(started_at, now())` : sql``}
      ${patch.planned !== undefined ? sql`, planned = ${patch.planned}` : sql``}
      ${patch.lastError !== undefined ? sql`, last_error = ${patch.lastError}` : sql``}
    WHERE id = ${id}`);
}

export async function getOperation(db: Db, id: number): Promise<Operation | undefined> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`SELECT * FROM operations WHERE id = ${id}`);
  return rows[0] && toOperation(rows[0]);
}

export interface OperationQuery {
  orgId?: string | undefined;
  connectionId?: string | undefined;
  parentId?: number | undefined;
  type?: OperationType | undefined;
  state?: OperationState | undefined;
  /** Newest first: only ids below this one. */
  before?: number | undefined;
  limit: number;
}

export async function listOperations(db: Db, q: OperationQuery): Promise<Operation[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT * FROM operations WHERE true
      ${q.orgId ? sql`AND org_id = ${q.orgId}` : sql``}
      ${q.connectionId ? sql`AND connection_id = ${q.connectionId}` : sql``}
      ${q.parentId !== undefined ? sql`AND parent_id = ${q.parentId}` : sql``}
      ${q.type ? sql`AND type = ${q.type}` : sql``}
      ${q.state ? sql`AND state = ${q.state}` : sql``}
      ${q.before !== undefined ? sql`AND id < ${q.before}` : sql``}
      ORDER BY id DESC LIMIT ${q.limit}`,
  );
  return rows.map(toOperation);
}

/**
 * Asks a run to stop. A queued run is cancelled at once; a running one stops after the batch in
 * flight (its worker sees the flag). Answers the run as it is now, or undefined if it is unknown.
 */
export async function requestCancel(db: Db, id: number): Promise<Operation | undefined> {
  await db.execute(sql`
    UPDATE operations SET cancel_requested = true,
      state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
      finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END
    WHERE id = ${id} AND type = 'run' AND state IN ('queued', 'running')`);
  return getOperation(db, id);
}

export async function isCancelRequested(db: Db, id: number): Promise<boolean> {
  const rows = await queryRows<{ c: boolean }>(
    db,
    sql`SELECT cancel_requested AS c FROM operations WHERE id = ${id}`,
  );
  return rows[0]?.c === true;
}

function toOperation(r: Record<string, unknown>): Operation {
  return {
    id: Number(r.id),
    orgId: String(r.org_id),
    connectionId: String(r.connection_id),
    platform: String(r.platform),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    type: r.type as OperationType,
    kind: (r.kind as string | null) ?? null,
    state: r.state as OperationState,
    trigger: (r.trigger as string | null) ?? null,
    options: (typeof r.options === 'string' ? JSON.parse(r.options) : r.options) as Record<string, unknown>,
    planned: r.planned === null ? null : Number(r.planned),
    sent: Number(r.sent),
    unchanged: Number(r.unchanged),
    failed: Number(r.failed),
    received: Number(r.received),
    acknowledged: Number(r.acknowledged),
    requests: Number(r.requests),
    lastError: (r.last_error as string | null) ?? null,
    cancelRequested: Boolean(r.cancel_requested),
    createdAt: storedTime(r.created_at as string),
    startedAt: storedTime(r.started_at as string | null),
    finishedAt: storedTime(r.finished_at as string | null),
  };
}

/**
 * Closes runs of a connection left `running` by a process that died. Call it holding the
 * connection's sync lock: then no other run of it can really be running.
 */
export async function failInterruptedRuns(
  db: Db,
  connectionId: string,
  exceptRunId: number,
): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`UPDATE operations SET state = 'failed', finished_at = now(),
          last_error = 'interrupted: the process running it stopped; a later run picks up what had not landed'
        WHERE type = 'run' AND connection_id = ${connectionId} AND state = 'running' AND id <> ${exceptRunId}
        RETURNING id`,
  );
  return rows.length;
}
