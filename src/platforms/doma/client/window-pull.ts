import { z } from 'zod';
import type { InboundItem, InboundPage } from '../../../engine/connector/connector.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';

/** Rows a pull asks for: well under the 1000 cap, which counts nested relations too (NOTES.md "Request limits"). */
export const PULL_PAGE = 500;

/**
 * Where a time-window pull stands: rows with `field >= from` are read in a stable order
 * (`field`, then id), `skip` rows of it already; `maxSeen` is the newest `field` read so far.
 */
const Checkpoint = z.object({
  from: z.string(),
  skip: z.number().int().min(0),
  maxSeen: z.string().nullable(),
});
type Checkpoint = z.infer<typeof Checkpoint>;

export interface WindowPull {
  what: string;
  query: string;
  /** The answer's alias of the list. */
  alias: string;
  /** The instant field the window is over (createdAt, transferDate). */
  field: string;
  sortBy: string[];
  where(from: string, ctx: DomaContext): Record<string, unknown>;
  /** Items for the inbox; undefined for a row to leave out (one we sent ourselves). */
  toItem(row: Record<string, unknown>, ctx: DomaContext): Promise<InboundItem | undefined>;
}

/**
 * One page of a window pull. When the window is read to its end, the next run starts
 * `inboundOverlapHours` before the newest row seen: rows that appear late with an earlier time are
 * read then, and what is read twice is dropped by the inbox (unique by source id).
 */
export async function pullWindow(
  spec: WindowPull,
  checkpoint: unknown,
  ctx: DomaContext,
): Promise<InboundPage> {
  const { settings } = ctx.connection;
  const parsed = Checkpoint.safeParse(checkpoint);
  const cp: Checkpoint = parsed.success
    ? parsed.data
    : {
        from: new Date(Date.now() - settings.inboundLookbackDays * 86_400_000).toISOString(),
        skip: 0,
        maxSeen: null,
      };
  const { data } = await domaGraphql(ctx, spec.what, {
    query: spec.query,
    variables: { where: spec.where(cp.from, ctx), first: PULL_PAGE, skip: cp.skip, sortBy: spec.sortBy },
  });
  const rows = Array.isArray(data[spec.alias]) ? (data[spec.alias] as Array<Record<string, unknown>>) : [];
  let maxSeen = cp.maxSeen;
  const items: InboundItem[] = [];
  for (const row of rows) {
    const at = row[spec.field];
    if (typeof at === 'string' && (maxSeen === null || Date.parse(at) > Date.parse(maxSeen))) maxSeen = at;
    const item = await spec.toItem(row, ctx);
    if (item) items.push(item);
  }
  if (rows.length === PULL_PAGE) {
    return { items, checkpoint: { from: cp.from, skip: cp.skip + rows.length, maxSeen }, hasMore: true };
  }
  const overlapFrom =
    maxSeen === null
      ? cp.from
      : new Date(Date.parse(maxSeen) - settings.inboundOverlapHours * 3_600_000).toISOString();
  const from = Date.parse(overlapFrom) > Date.parse(cp.from) ? overlapFrom : cp.from;
  return { items, checkpoint: { from, skip: 0, maxSeen }, hasMore: false };
}
