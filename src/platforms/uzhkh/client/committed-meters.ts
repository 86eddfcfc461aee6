import type { UzhkhContext } from './uzhkh-context.js';

const KEY = 'uzhkh.committedMeters';
/** Bounded: past this many the cache starts over (it only saves writes; the inbox still dedupes). */
const LIMIT = 500_000;

/**
 * Source ids of meter items known to be committed in this process. Every Counter snapshot carries
 * its meter, so most meter items repeat one already in the inbox, where it would be skipped anyway;
 * leaving them out of the page saves that write. Ids are added only from `ack` — after the commit —
 * so an item is never left out before it has landed.
 */
export function committedMeters(ctx: UzhkhContext): Set<string> {
  let known = ctx.session.get(KEY) as Set<string> | undefined;
  if (!known) {
    known = new Set();
    ctx.session.set(KEY, known);
  }
  return known;
}

export function rememberCommittedMeters(ctx: UzhkhContext, sourceIds: readonly string[]): void {
  const known = committedMeters(ctx);
  if (known.size + sourceIds.length > LIMIT) known.clear();
  for (const id of sourceIds) known.add(id);
}
