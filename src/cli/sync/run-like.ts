import type { Operation } from '../../store/operation-store.js';

/** What the CLI reads of a run, the same whether it came from the store or from the API. */
export type RunLike = Pick<
  Operation,
  | 'id'
  | 'connectionId'
  | 'platform'
  | 'state'
  | 'trigger'
  | 'planned'
  | 'sent'
  | 'unchanged'
  | 'failed'
  | 'received'
  | 'acknowledged'
  | 'requests'
  | 'lastError'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
>;

export const isFinal = (run: Pick<RunLike, 'state'>): boolean =>
  run.state === 'succeeded' || run.state === 'partial' || run.state === 'failed' || run.state === 'cancelled';
