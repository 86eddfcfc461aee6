import { z } from 'zod';
import type { Operation } from '../../store/operation-store.js';

const Counts = {
  sent: z.number().describe('records the platform accepted'),
  unchanged: z.number().describe('records skipped: the platform already has this exact payload'),
  failed: z.number().describe('records the platform refused (see record-errors)'),
  received: z.number().describe('inbound items stored in the inbox'),
  acknowledged: z.number().describe('inbound items acknowledged to the platform'),
  requests: z.number().describe('HTTP requests made to the platform, retries included'),
};

/** A sync run as the API shows it (the organisation is in the URL, so it is left out). */
export const RunView = z.object({
  id: z.number(),
  connectionId: z.string(),
  platform: z.string(),
  type: z.enum(['run', 'batch', 'page', 'callback', 'check']),
  kind: z.string().nullable(),
  state: z.enum(['queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled']),
  trigger: z.string().nullable().describe('api, cli, schedule, retry-failed, resend-all'),
  options: z.record(z.string(), z.unknown()),
  planned: z.number().nullable().describe('outbound records this run will look at; null until it starts'),
  ...Counts,
  lastError: z.string().nullable(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunView = z.output<typeof RunView>;

/** A child operation of a run (one delivered batch, one inbound page). */
export const OperationView = RunView.extend({ parentId: z.number().nullable() });

/** One run with how far it got, for progress bars. */
export const RunDetail = RunView.extend({
  progress: z.object({
    processed: z.number().describe('sent + unchanged + failed'),
    planned: z.number().nullable(),
  }),
});

export function toRunView(op: Operation): RunView {
  return {
    id: op.id,
    connectionId: op.connectionId,
    platform: op.platform,
    type: op.type,
    kind: op.kind,
    state: op.state,
    trigger: op.trigger,
    options: op.options,
    planned: op.planned,
    sent: op.sent,
    unchanged: op.unchanged,
    failed: op.failed,
    received: op.received,
    acknowledged: op.acknowledged,
    requests: op.requests,
    lastError: op.lastError,
    cancelRequested: op.cancelRequested,
    createdAt: op.createdAt,
    startedAt: op.startedAt,
    finishedAt: op.finishedAt,
  };
}

export function toRunDetail(op: Operation): z.output<typeof RunDetail> {
  return {
    ...toRunView(op),
    progress: { processed: op.sent + op.unchanged + op.failed, planned: op.planned },
  };
}
